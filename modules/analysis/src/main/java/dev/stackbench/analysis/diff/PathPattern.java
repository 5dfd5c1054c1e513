package dev.stackbench.analysis.diff;

import java.util.regex.Pattern;

/**
 * A JSON path to leave out of the comparison ({@code --ignore-path}): {@code $.requestId},
 * {@code $.items[*].etag}, {@code $.meta} (and everything under it), {@code $.*.id} ({@code *}
 * matches any member name, {@code [*]} any index).
 *
 * @param text the pattern as written
 */
public record PathPattern(String text) {
    private static final Pattern SYNTAX = Pattern.compile("\\$((\\.([A-Za-z_$][\\w$-]*|\\*))|\\[(\\d+|\\*)]|\\['[^']*'])*");

    public PathPattern {
        if (!SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("JSON path '" + text + "' is not one this tool reads; expected $ followed by"
                    + " .name, .*, [0], [*] or ['name'], e.g. $.requestId or $.items[*].etag");
        }
    }

    /** @return whether {@code location} (a JSON path of {@link JsonDiff}) is this path or lies under it */
    public boolean covers(String location) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("[*]", i)) {
                regex.append("\\[\\d+]");
                i += 3;
            } else if (text.startsWith(".*", i)) {
                regex.append("(\\.[^.\\[]+|\\['[^']*'])");
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(text.charAt(i))));
                i++;
            }
        }
        return location.matches(regex + "([.\\[].*)?");
    }

    @Override
    public String toString() {
        return text;
    }
}
