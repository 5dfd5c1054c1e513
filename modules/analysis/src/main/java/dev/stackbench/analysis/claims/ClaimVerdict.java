package dev.stackbench.analysis.claims;

import java.util.List;

/**
 * A claim's verdict on one run.
 *
 * @param claim the claim
 * @param outcome the verdict word
 * @param reason one line: why this verdict, and for an inconclusive one what would settle it
 *     (e.g. {@code the run has no realtime cells (stackbench run --suite claims)})
 * @param evidence the pairs of cells compared, with their figures and intervals; empty when the
 *     run holds none
 * @param caveats what the verdict is conditional on: machine, CPUs, versions, variants
 * @param sides for each contradiction link, which side the measurements take
 */
public record ClaimVerdict(Claim claim, Outcome outcome, String reason, List<Evidence> evidence, List<String> caveats,
        List<String> sides) {
    public ClaimVerdict {
        evidence = List.copyOf(evidence);
        caveats = List.copyOf(caveats);
        sides = List.copyOf(sides);
    }
}
