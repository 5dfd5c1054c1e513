package dev.stackbench.analysis.advise;

import java.util.List;
import java.util.Objects;

/**
 * A "how to choose" rule from the articles in {@code seeds/}, turned into a named factor with a
 * default weight the profile may change. Never a hidden constant: every report prints the rule's
 * id, its weight, and its source.
 *
 * @param id the name a profile uses under {@code needs:}, e.g. {@code ml-libraries}
 * @param favours the contestant languages the rule points to, e.g. {@code [python]}
 * @param defaultWeight the weight when the profile names the need without one, 0..10
 * @param seed the seed file the rule comes from, e.g. {@code 002_84beee403881d4f2.txt}
 * @param quote the article's words, verbatim
 */
public record RuleOfThumb(String id, List<String> favours, int defaultWeight, String seed, String quote) {
    public RuleOfThumb {
        Objects.requireNonNull(id, "id");
        favours = List.copyOf(favours);
        if (defaultWeight < 0 || defaultWeight > 10) {
            throw new IllegalArgumentException("defaultWeight must be 0..10, was " + defaultWeight);
        }
    }

    /** @return {@code seed 002_84beee403881d4f2.txt: "quote"} */
    public String citation() {
        return "seed " + seed + ": \"" + quote + "\"";
    }
}
