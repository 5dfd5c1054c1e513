package dev.stackbench.runner.diff;

import dev.stackbench.analysis.diff.Exchange;
import dev.stackbench.analysis.diff.Response;
import dev.stackbench.loadgen.RequestKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code diff --load} drives: the replayed request set as a load generator mix, with every
 * method, header and body as replayed. Only requests the old backend answered with a 2xx are
 * driven: an error case would count as an error in every trial and make every round invalid.
 * <ul>
 *   <li>A request set read as written (a requests file, a HAR, the spec's endpoints): each distinct
 *       request (method, target, headers, body) that old answered 2xx is one kind of weight 1, so
 *       each is sent equally often.</li>
 *   <li>A scenario: its kinds with their weights and templates, the generator drawing the template
 *       values afresh (from the seed); a kind is driven when it was replayed and old answered every
 *       one of its replayed requests with a 2xx.</li>
 * </ul>
 *
 * @param kinds       the mix, at least one kind when anything is driven
 * @param leftOut     requests of the set (a scenario: kinds) not driven
 * @param description one line for people, e.g. {@code 27 distinct requests of the set, each as often; 14 left out (not answered 2xx by old)}
 */
public record LoadMix(List<RequestKind> kinds, int leftOut, String description) {
    public LoadMix {
        kinds = List.copyOf(kinds);
    }

    /**
     * The mix of a request set read as written.
     *
     * @param set      the requests replayed, in order
     * @param replayed what {@link Replayer#replay} returned for them, in the same order
     */
    public static LoadMix of(List<ReplayRequest> set, List<Exchange> replayed) {
        check(set, replayed);
        Map<ReplayRequest, Boolean> ok = new LinkedHashMap<>();
        for (int i = 0; i < set.size(); i++) {
            ok.merge(set.get(i), answered2xx(replayed.get(i)), Boolean::logicalAnd);
        }
        List<RequestKind> kinds = new ArrayList<>();
        int unsendable = 0;
        for (Map.Entry<ReplayRequest, Boolean> e : ok.entrySet()) {
            if (!e.getValue()) {
                continue;
            }
            ReplayRequest r = e.getKey();
            try {
                kinds.add(new RequestKind("r" + (kinds.size() + 1), r.method(), r.target(), r.headers(), r.body(), 1));
            } catch (IllegalArgumentException notATemplate) {
                // a brace or a non-ASCII byte in the target: the generator would read it as a template or refuse it
                unsendable++;
            }
        }
        int driven = kinds.size();
        int leftOut = (int) set.stream().filter(r -> !ok.get(r)).count() + unsendable;
        String why = unsendable == 0 ? "not answered 2xx by old" : "not answered 2xx by old, or a target the load generator cannot send";
        return new LoadMix(kinds, leftOut, driven + " distinct request" + (driven == 1 ? "" : "s") + " of the set, each as often"
                + (leftOut == 0 ? "" : "; " + leftOut + " request(s) of the set left out (" + why + ")"));
    }

    /**
     * The mix of a scenario.
     *
     * @param scenario the scenario's kinds, in its order
     * @param set      the requests drawn from it and replayed, in order
     * @param replayed what {@link Replayer#replay} returned for them, in the same order
     */
    public static LoadMix ofScenario(List<RequestKind> scenario, List<ReplayRequest> set, List<Exchange> replayed) {
        check(set, replayed);
        Map<String, int[]> answers = new LinkedHashMap<>();
        scenario.forEach(k -> answers.put(k.name(), new int[2]));
        for (int i = 0; i < set.size(); i++) {
            String name = set.get(i).kind().map(RequestKind::name).orElse("");
            int[] counts = answers.get(name);
            if (counts == null) {
                throw new IllegalArgumentException("request " + set.get(i) + " is of no kind of the scenario");
            }
            counts[0]++;
            if (!answered2xx(replayed.get(i))) {
                counts[1]++;
            }
        }
        List<RequestKind> mix = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (RequestKind k : scenario) {
            int[] counts = answers.get(k.name());
            if (counts[0] == 0) {
                leftOut.add(k.name() + " (not drawn among the " + set.size() + " requests, so never checked; raise --count)");
            } else if (counts[1] > 0) {
                leftOut.add(k.name() + " (old answered " + counts[1] + " of its " + counts[0] + " requests with no 2xx)");
            } else {
                mix.add(k);
            }
        }
        StringBuilder d = new StringBuilder(mix.isEmpty() ? "no request kind"
                : mix.size() + (mix.size() == 1 ? " request kind" : " request kinds by weight") + ": ");
        d.append(String.join(", ", mix.stream().map(k -> k.name() + " ×" + k.weight() + " (" + k.method() + " " + k.path() + ")").toList()));
        if (!leftOut.isEmpty()) {
            d.append("; left out: ").append(String.join(", ", leftOut));
        }
        return new LoadMix(mix, leftOut.size(), d.toString());
    }

    private static void check(List<ReplayRequest> set, List<Exchange> replayed) {
        if (set.size() != replayed.size()) {
            throw new IllegalArgumentException(set.size() + " requests but " + replayed.size() + " exchanges");
        }
    }

    private static boolean answered2xx(Exchange x) {
        return x.old() instanceof Response.Answered a && a.status() / 100 == 2;
    }
}
