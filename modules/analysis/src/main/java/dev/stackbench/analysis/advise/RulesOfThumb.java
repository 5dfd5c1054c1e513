package dev.stackbench.analysis.advise;

import java.util.List;
import java.util.Optional;

/**
 * The articles' rules of thumb for what the measurements cannot see, each a {@link RuleOfThumb}
 * with its citation (seed file and quote). The default weights are a reading of how strongly each
 * article states its rule (0..10), nothing more: the profile sets its own.
 */
public final class RulesOfThumb {
    /** Seed 002: "Node.js vs Python for Backend Development: An Honest Comparison". */
    static final String SEED_HONEST = "002_84beee403881d4f2.txt";
    /** Seed 003: "Python vs Node.js: which backend should you choose?". */
    static final String SEED_CHOOSE = "003_ea893f97b9554c3a.txt";
    /** Seed 000: "Node.js vs Python for Backend: A Comprehensive Comparison". */
    static final String SEED_COMPREHENSIVE = "000_ad2dada82ea941c5.txt";

    /** Every rule, in the order reports list them. */
    public static final List<RuleOfThumb> ALL = List.of(
            new RuleOfThumb("team-languages", List.of(), 5, SEED_HONEST,
                    "The productivity difference from team familiarity vastly outweighs the performance difference"
                            + " between the languages."),
            new RuleOfThumb("ml-libraries", List.of("python"), 5, SEED_HONEST,
                    "if your API serves ML models, Python is the only sane choice."),
            new RuleOfThumb("data-pipelines", List.of("python"), 3, SEED_CHOOSE,
                    "choose Python if your project touches data, machine learning, AI, or automation"),
            new RuleOfThumb("one-language", List.of("javascript", "typescript"), 3, SEED_HONEST,
                    "one language across frontend and backend reduces context switching. Shared types, shared"
                            + " validation logic."),
            new RuleOfThumb("real-time", List.of("javascript", "typescript"), 2, SEED_CHOOSE,
                    "Choose Node.js if you are building real-time applications"),
            new RuleOfThumb("jvm-estate", List.of("java", "kotlin"), 3, SEED_COMPREHENSIVE,
                    "the choice between Node.js and Python often depends on your team's expertise with these"
                            + " technologies."));

    private RulesOfThumb() {
    }

    /** @return the rule named {@code id} */
    public static Optional<RuleOfThumb> named(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** @return the ids, comma-separated, for messages */
    public static String ids() {
        return String.join(", ", ALL.stream().map(RuleOfThumb::id).toList());
    }
}
