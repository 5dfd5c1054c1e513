package dev.stackbench.loadgen.summary;

/**
 * The labelled lines of a summary ({@code   Errors     none}): a two-space indent, the label in
 * {@value #LABEL_WIDTH} columns, then its text; notes start where the texts start.
 */
final class Field {
    /** Columns of the label, the widest one ({@code Generator}) and two blanks. */
    static final int LABEL_WIDTH = 11;

    private Field() {
    }

    /** @return {@code label} padded to {@link #LABEL_WIDTH} after the indent, then {@code text} */
    static String line(String label, String text) {
        return "  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + text;
    }

    /** @return {@code text} starting in the column where the fields' texts start */
    static String note(String text) {
        return " ".repeat(2 + LABEL_WIDTH) + text;
    }
}
