package dev.stackbench.analysis.diff;

/**
 * A place where the two copies of the old backend disagreed, so differences of the new backend
 * there are left out (Diffy's noise).
 *
 * @param endpoint       method and path template
 * @param location       where, array indices as {@code [*]}
 * @param oldPairs       requests whose old and old2 answers differed there
 * @param newSuppressed  requests whose new answer differed there and was therefore not reported
 * @param example        one pair of old and old2 values, e.g. {@code "a1f3" vs "9c2e"}
 */
public record LearnedNoise(Endpoint endpoint, String location, int oldPairs, int newSuppressed, String example) {
}
