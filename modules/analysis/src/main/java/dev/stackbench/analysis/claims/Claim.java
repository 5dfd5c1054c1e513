package dev.stackbench.analysis.claims;

import java.util.List;

/**
 * One sentence of a seed article that asserts something, as the catalog records it.
 * Three kinds: {@link Measurable}, {@link Unmeasurable} (not on this machine), {@link NotPerformance}.
 */
public sealed interface Claim permits Claim.Measurable, Claim.Unmeasurable, Claim.NotPerformance {

    /** @return the catalog id, e.g. {@code 002-db-gap} */
    String id();

    /** @return the sentence, exactly as the article writes it */
    String quote();

    /** @return the seed file it comes from, e.g. {@code 002_84beee403881d4f2.txt} */
    String seed();

    /** @return ids of claims (of any article) this one contradicts; the report says which side the run takes */
    List<String> contradicts();

    /**
     * A hypothesis a run can test.
     *
     * @param workload {@code json}, {@code user}, {@code io}, {@code cpu} (measured today), {@code realtime},
     *     {@code blocking}, {@code connections} (json and io from the fewest to the most connections, {@link dev.stackbench.analysis.ConnectionScaling}), or {@code none} for start-up time and idle memory
     * @param level a load level label such as {@code c100}, or null for any level of the workload
     * @param a the group the claim says is better (e.g. {@code node})
     * @param b the group it is compared with (e.g. {@code python})
     * @param quantity what is compared
     * @param rule when the claim holds or fails, on a's advantage over b
     * @param note how the sentence was read as this hypothesis; may be empty
     */
    record Measurable(String id, String quote, String seed, List<String> contradicts, String workload, String level,
            String a, String b, Quantity quantity, Rule rule, String note) implements Claim {
        public Measurable {
            contradicts = List.copyOf(contradicts);
        }
    }

    /**
     * A performance claim this machine cannot test.
     *
     * @param settle what would settle it, e.g. {@code multi-core scaling needs >= 4 CPUs: server CPUs 1-3}
     * @param cpus the CPUs a machine needs for it, or 0 when CPUs are not what is missing
     */
    record Unmeasurable(String id, String quote, String seed, List<String> contradicts, String settle, int cpus)
            implements Claim {
        public Unmeasurable {
            contradicts = List.copyOf(contradicts);
        }
    }

    /**
     * Not about performance (syntax, community, hiring, ecosystem).
     *
     * @param reason why, e.g. {@code syntax and readability}
     */
    record NotPerformance(String id, String quote, String seed, List<String> contradicts, String reason)
            implements Claim {
        public NotPerformance {
            contradicts = List.copyOf(contradicts);
        }
    }
}
