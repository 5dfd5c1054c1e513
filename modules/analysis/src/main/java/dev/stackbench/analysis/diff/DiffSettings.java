package dev.stackbench.analysis.diff;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a comparison looks at. Immutable.
 *
 * <p>Headers: those in {@code compareHeaders} are compared ({@code *} for every header), minus
 * those in {@code ignoreHeaders}. By default only Content-Type is compared, and {@code Date},
 * {@code Server} are ignored even under {@code *}; {@code Content-Length} is left out whenever the
 * two bodies are equal as JSON (whitespace and key order may change the length).
 *
 * @param compareHeaders     header names compared, lower case; {@code *} for all
 * @param ignoreHeaders      header names never compared, lower case
 * @param ignorePaths        JSON paths left out of body comparisons
 * @param ignoreArrayOrder   whether JSON arrays compare as multisets
 * @param bodyLengthOnly     whether non-JSON bodies compare by length only (else byte for byte)
 * @param specErrorBodies    whether error bodies compare as docs/api.md fixes them: two 4xx answers of
 *                           the same status whose bodies are both JSON objects with an {@code error} or
 *                           {@code detail} member are equal, whatever the message (the spec leaves it free)
 */
public record DiffSettings(Set<String> compareHeaders, Set<String> ignoreHeaders, List<PathPattern> ignorePaths,
                           boolean ignoreArrayOrder, boolean bodyLengthOnly, boolean specErrorBodies) {
    /** Headers compared by default. */
    public static final List<String> DEFAULT_COMPARED = List.of("content-type");
    /** Headers ignored by default, whatever is compared. */
    public static final List<String> DEFAULT_IGNORED = List.of("date", "server");
    /** The defaults: Content-Type compared, Date and Server ignored, arrays in order, bodies byte for byte. */
    public static final DiffSettings DEFAULTS = new DiffSettings(Set.copyOf(DEFAULT_COMPARED), Set.copyOf(DEFAULT_IGNORED),
            List.of(), false, false, false);

    public DiffSettings {
        compareHeaders = lower(compareHeaders);
        ignoreHeaders = lower(ignoreHeaders);
        ignorePaths = List.copyOf(ignorePaths);
    }

    /** @return whether header {@code name} (any case) is compared */
    public boolean compares(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (compareHeaders.contains("*") || compareHeaders.contains(n)) && !ignoreHeaders.contains(n);
    }

    /** @return whether a JSON location is left out by {@code --ignore-path} */
    public boolean ignores(String location) {
        return ignorePaths.stream().anyMatch(p -> p.covers(location));
    }

    private static Set<String> lower(Set<String> names) {
        TreeSet<String> out = new TreeSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSet(out);
    }
}
