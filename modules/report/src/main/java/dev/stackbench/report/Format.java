package dev.stackbench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats. {@link Reports} selects the renderer with one switch. */
public enum Format {
    /** A terminal table, as printed at the end of a run. Follows the given locale. */
    TEXT("text"),
    /** GitHub-flavoured Markdown, ready to paste. Follows the given locale. */
    MD("md"),
    /** One self-contained HTML file with charts; works offline. Tables follow the given locale. */
    HTML("html"),
    /** The analysed view for machines. Always {@code Locale.ROOT}. */
    JSON("json");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    /** @return the name on the command line: {@code text}, {@code md}, {@code html}, {@code json} */
    public String id() {
        return id;
    }

    /** @return whether {@code stackbench compare} can write this format */
    public boolean supportsComparison() {
        return this != HTML;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Format of(String id) {
        for (Format f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
