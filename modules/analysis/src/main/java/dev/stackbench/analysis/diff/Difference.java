package dev.stackbench.analysis.diff;

/**
 * One way the new backend's response differs from the old one's.
 *
 * @param kind     what differs
 * @param location where: {@code status}, {@code header content-type}, {@code body}, or a JSON path
 *                 such as {@code $.items[2].name} (indices as in the response)
 * @param old      the old value, compact and short (at most {@link #MAX_VALUE_CHARS} characters);
 *                 {@code (absent)} when missing
 * @param neu      the new value, the same way
 */
public record Difference(Kind kind, String location, String old, String neu) {
    /** The longest value kept, characters; longer ones end in {@code ...}. */
    public static final int MAX_VALUE_CHARS = 80;
    /** The value shown for what one side lacks. */
    public static final String ABSENT = "(absent)";

    public Difference {
        old = shorten(old);
        neu = shorten(neu);
    }

    /** What differs. */
    public enum Kind {
        /** The status codes differ. */
        STATUS("status"),
        /** A compared header differs or is missing on one side. */
        HEADER("header"),
        /** A JSON value differs (same type). */
        VALUE("value"),
        /** A JSON value has another type (number vs string, object vs array, ...). */
        TYPE("type"),
        /** A JSON member or array element of the old response is missing in the new one. */
        MISSING("missing in new"),
        /** A JSON member or array element only the new response has. */
        EXTRA("only in new"),
        /** A JSON array holds the same elements in another order. */
        ORDER("array order"),
        /** A non-JSON body differs (bytes or length), or one side is JSON and the other is not. */
        BODY("body"),
        /** One side gave no response. */
        NO_RESPONSE("no response");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return how reports name it, e.g. {@code missing in new} */
        public String label() {
            return label;
        }
    }

    /** @return the location with array indices as {@code [*]}: the key under which differences are grouped and noise is learned */
    public String generalLocation() {
        return location.replaceAll("\\[\\d+]", "[*]");
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }
}
