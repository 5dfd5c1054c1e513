package dev.stackbench.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded sequence of concrete requests drawn from a mix: per request a kind by weight, then each
 * of its path templates ({@code {random:MIN..MAX}}) a value drawn uniformly from its range. The
 * same mix, seed and count give the same sequence, so several backends can be sent exactly the
 * same requests ({@code stackbench diff --scenario}).
 *
 * <pre>{@code
 * List<RequestSequence.Drawn> requests = RequestSequence.draw(kinds, 1, 100);
 * requests.get(0).target();   // e.g. /api/users/4172
 * }</pre>
 */
public final class RequestSequence {

    /**
     * One drawn request.
     *
     * @param kind   the kind it was drawn from (method, headers, body, and its path as written)
     * @param target its path and query with every template replaced, e.g. {@code /api/users/4172}
     */
    public record Drawn(RequestKind kind, String target) {
    }

    private RequestSequence() {
    }

    /**
     * @param mix   the kinds, at least one
     * @param seed  seeds every choice
     * @param count how many requests, &gt;= 1
     * @return {@code count} requests in the order drawn
     */
    public static List<Drawn> draw(List<RequestKind> mix, long seed, int count) {
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one request kind");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count (" + count + ") must be >= 1");
        }
        int[] cumulative = new int[mix.size()];
        List<PathTemplate> templates = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < mix.size(); k++) {
            total = Math.addExact(total, mix.get(k).weight());
            cumulative[k] = total;
            templates.add(PathTemplate.parse(mix.get(k).path()));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Drawn> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int r = random.nextInt(total);
            int k = 0;
            while (r >= cumulative[k]) {
                k++;
            }
            out.add(new Drawn(mix.get(k), templates.get(k).expand(random)));
        }
        return out;
    }
}
