package dev.stackbench.loadgen;

import java.util.Locale;

/**
 * One request header.
 *
 * @param name  header name, a non-empty HTTP token
 * @param value header value, without CR or LF
 */
public record Header(String name, String value) {
    public Header {
        if (name == null || name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
            throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP token");
        }
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header '" + name + "' has a value with a line break");
        }
    }

    /**
     * Parses {@code "Name: value"}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Header parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("header '" + text + "' is not of the form 'Name: value'");
        }
        return new Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** @return whether this header has the given name, ignoring case */
    public boolean is(String otherName) {
        return name.toLowerCase(Locale.ROOT).equals(otherName.toLowerCase(Locale.ROOT));
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
