package dev.stackbench.loadgen;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The requests of a run, encoded once before the load starts: per kind of the mix, one or more
 * variants (a spec's {@link LoadSpec#paths()} are variants of one kind, picked uniformly), each
 * split at its path templates into pre-encoded literal bytes. Sending a request picks a kind by
 * weight, copies its bytes into the connection's own reusable buffer and writes each template's
 * value as decimal digits in place: no encoding and no allocation per request.
 *
 * <p>Immutable and shared by the event loops; the random comes from the calling loop.
 */
final class EncodedRequests {
    /** One encoded variant: {@code literals[0] value0 literals[1] ... literals[n]}. */
    private record Variant(byte[][] literals, long[] min, long[] span, int maxLength) { }

    private final Variant[][] kinds;
    private final int[] cumulativeWeights;
    private final int totalWeight;
    private final String[] names;
    private final boolean[] head;

    EncodedRequests(LoadSpec spec) {
        List<RequestKind> mix = spec.requests();
        kinds = new Variant[mix.size()][];
        cumulativeWeights = new int[mix.size()];
        names = new String[mix.size()];
        head = new boolean[mix.size()];
        int sum = 0;
        for (int k = 0; k < mix.size(); k++) {
            RequestKind kind = mix.get(k);
            List<String> paths = mix.size() == 1 && !spec.paths().isEmpty() ? spec.paths() : List.of(kind.path());
            kinds[k] = new Variant[paths.size()];
            for (int v = 0; v < paths.size(); v++) {
                kinds[k][v] = encode(spec, kind, paths.get(v));
            }
            sum = Math.addExact(sum, kind.weight());
            cumulativeWeights[k] = sum;
            names[k] = kind.name();
            head[k] = kind.isHead();
        }
        totalWeight = sum;
    }

    private static Variant encode(LoadSpec spec, RequestKind kind, String path) {
        PathTemplate t = PathTemplate.parse(path);
        StringBuilder tail = new StringBuilder(128)
                .append(t.literals().get(t.templates())).append(" HTTP/1.1\r\n")
                .append("Host: ").append(spec.hostHeader()).append("\r\n");
        boolean userAgent = false;
        for (Header h : kind.headers()) {
            if (h.is("Host") || h.is("Content-Length")) {
                continue; // we own the framing and the target
            }
            userAgent |= h.is("User-Agent");
            tail.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (!userAgent) {
            tail.append("User-Agent: stackbench\r\n");
        }
        byte[] body = kind.body();
        if (body.length > 0 || !kind.method().equals("GET") && !kind.method().equals("HEAD")) {
            tail.append("Content-Length: ").append(body.length).append("\r\n");
        }
        tail.append("\r\n");
        byte[] tailHead = tail.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] last = java.util.Arrays.copyOf(tailHead, tailHead.length + body.length);
        System.arraycopy(body, 0, last, tailHead.length, body.length);

        int n = t.templates();
        byte[][] literals = new byte[n + 1][];
        for (int i = 0; i < n; i++) {
            String text = (i == 0 ? kind.method() + " " : "") + t.literals().get(i);
            literals[i] = text.getBytes(StandardCharsets.ISO_8859_1);
        }
        literals[n] = n == 0 ? concat((kind.method() + " ").getBytes(StandardCharsets.ISO_8859_1), last) : last;
        long[] span = new long[n];
        int length = 0;
        for (byte[] l : literals) {
            length += l.length;
        }
        for (int i = 0; i < n; i++) {
            span[i] = t.max()[i] - t.min()[i] + 1;
            length += digits(t.max()[i]);
        }
        return new Variant(literals, t.min(), span, length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** @return the longest encoded request, bytes (templates at their longest values) */
    int maxLength() {
        int max = 0;
        for (Variant[] kind : kinds) {
            for (Variant v : kind) {
                max = Math.max(max, v.maxLength());
            }
        }
        return max;
    }

    /** @return how many kinds the mix has */
    int kinds() {
        return kinds.length;
    }

    /** @return the kind's name */
    String name(int kind) {
        return names[kind];
    }

    /** @return whether the kind's responses have no body by definition (HEAD) */
    boolean isHead(int kind) {
        return head[kind];
    }

    /** @return a kind drawn by weight */
    int drawKind(SplittableRandom random) {
        if (kinds.length == 1) {
            return 0;
        }
        int r = random.nextInt(totalWeight);
        int k = 0;
        while (r >= cumulativeWeights[k]) {
            k++;
        }
        return k;
    }

    /**
     * Writes the next request into {@code out} (cleared first): a kind drawn by weight, one of its
     * variants uniformly, each template's value drawn uniformly. No allocation.
     *
     * @return the kind written
     */
    int writeNext(ByteBuf out, SplittableRandom random) {
        int k = drawKind(random);
        Variant[] variants = kinds[k];
        Variant v = variants.length == 1 ? variants[0] : variants[random.nextInt(variants.length)];
        out.clear();
        byte[][] literals = v.literals();
        int n = literals.length - 1;
        for (int i = 0; i < n; i++) {
            out.writeBytes(literals[i]);
            writeDecimal(out, v.min()[i] + random.nextLong(v.span()[i]));
        }
        out.writeBytes(literals[n]);
        return k;
    }

    /** Writes {@code value} (&gt;= 0) as decimal digits at the writer index. */
    private static void writeDecimal(ByteBuf out, long value) {
        int digits = digits(value);
        int at = out.writerIndex();
        long v = value;
        for (int i = digits - 1; i >= 0; i--) {
            out.setByte(at + i, (int) ('0' + v % 10));
            v /= 10;
        }
        out.writerIndex(at + digits);
    }

    private static int digits(long value) {
        int d = 1;
        for (long v = value; v >= 10; v /= 10) {
            d++;
        }
        return d;
    }

    /** @return the first kind's first request, templates at their smallest values, for diagnostics */
    String first() {
        Variant v = kinds[0][0];
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.literals().length; i++) {
            s.append(new String(v.literals()[i], StandardCharsets.ISO_8859_1));
            if (i < v.min().length) {
                s.append(v.min()[i]);
            }
        }
        return s.toString();
    }
}
