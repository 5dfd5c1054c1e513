package dev.stackbench.analysis.claims;

import dev.stackbench.analysis.Analysis;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every claim of a catalog judged on one analysed run, in catalog order.
 *
 * @param analysis the run, analysed
 * @param catalog the catalog judged
 * @param verdicts one per claim, in catalog order
 * @param caveats what every verdict is conditional on: the machine, CPU sets, runtimes, drift
 */
public record ClaimsReport(Analysis analysis, ClaimsCatalog catalog, List<ClaimVerdict> verdicts, List<String> caveats) {
    public ClaimsReport {
        verdicts = List.copyOf(verdicts);
        caveats = List.copyOf(caveats);
    }

    /** @return how many verdicts of each outcome, every outcome listed (0 included), in enum order */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        verdicts.stream().collect(Collectors.groupingBy(ClaimVerdict::outcome, Collectors.counting()))
                .forEach(counts::put);
        return counts;
    }

    /** @return the verdict of one claim */
    public java.util.Optional<ClaimVerdict> verdict(String id) {
        return verdicts.stream().filter(v -> v.claim().id().equals(id)).findFirst();
    }

    static Map<String, ClaimVerdict> byId(List<ClaimVerdict> verdicts) {
        return verdicts.stream().collect(Collectors.toMap(v -> v.claim().id(), Function.identity()));
    }
}
