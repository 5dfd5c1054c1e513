package dev.stackbench.analysis.claims;

import dev.stackbench.results.Contestant;
import java.util.List;
import java.util.Locale;

/**
 * A contestant group a claim names ({@code node}, {@code python}, {@code async-python}, ...): the
 * contestants of a language, or of some frameworks. Matching is case-insensitive.
 *
 * @param name e.g. {@code sync-python}
 * @param language e.g. {@code python}, or null to match by framework only
 * @param frameworks e.g. {@code [Django, Flask]}; empty to match the whole language
 * @param variant e.g. {@code realistic} or {@code worker-threads}, or null for any variant
 */
public record Group(String name, String language, List<String> frameworks, String variant) {
    public Group {
        frameworks = List.copyOf(frameworks);
        if (language == null && frameworks.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "' needs a language or frameworks");
        }
    }

    /** @return whether the contestant belongs to the group; an A/A twin never does (it would count its original twice) */
    public boolean matches(Contestant c) {
        if (c.aaTwinOf().isPresent()) {
            return false;
        }
        if (variant != null && !variant.equals(c.variant())) {
            return false;
        }
        if (language != null && (c.language() == null || !language.equalsIgnoreCase(c.language()))) {
            return false;
        }
        return frameworks.isEmpty() || (c.framework() != null
                && frameworks.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(c.framework().toLowerCase(Locale.ROOT))));
    }
}
