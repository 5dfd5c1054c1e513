package dev.stackbench.config;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A terminal table of already formatted cells: columns padded to their widest cell, two spaces
 * apart, numbers right-aligned when their column says so, no trailing blanks; optionally a dashed
 * rule under the header, indented lines under a row (e.g. the reasons a check failed) and an indent
 * for the whole table.
 *
 * <pre>
 * TextTable t = new TextTable(TextTable.left("CONTESTANT"), TextTable.right("REQ/S"));
 * t.row("express", "14,041");
 * t.print(out);
 * </pre>
 *
 * Not thread-safe.
 */
public final class TextTable {
    /** How a column's cells line up. */
    public enum Align { LEFT, RIGHT }

    /** A column: its header and alignment. */
    public record Column(String header, Align align) {
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> notes = new ArrayList<>();
    private boolean rule;
    private String indent = "";

    /** A table whose columns are all left-aligned. */
    public TextTable(String... headers) {
        this(Arrays.stream(headers).map(TextTable::left).toList());
    }

    public TextTable(Column... columns) {
        this(List.of(columns));
    }

    public TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** @return a left-aligned column */
    public static Column left(String header) {
        return new Column(header, Align.LEFT);
    }

    /** @return a right-aligned column, for numbers */
    public static Column right(String header) {
        return new Column(header, Align.RIGHT);
    }

    /** Draws a dashed rule under the header. */
    public TextTable withRule() {
        rule = true;
        return this;
    }

    /**
     * Starts every line (header, rule, rows and the notes under them) with {@code spaces} blanks,
     * for a table inside an indented block of text.
     *
     * @throws IllegalArgumentException when {@code spaces} is negative
     */
    public TextTable withIndent(int spaces) {
        if (spaces < 0) {
            throw new IllegalArgumentException("an indent of " + spaces + " spaces; expected >= 0");
        }
        indent = " ".repeat(spaces);
        return this;
    }

    /** Adds a row of as many cells as columns. */
    public TextTable row(String... cells) {
        return row(List.of(cells), List.of());
    }

    /**
     * Adds a row and the lines printed under it, indented by four spaces.
     *
     * @throws IllegalArgumentException when the row has not one cell per column
     */
    public TextTable row(List<String> cells, List<String> linesBelow) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + columns.size() + " columns: " + cells);
        }
        rows.add(List.copyOf(cells));
        notes.add(List.copyOf(linesBelow));
        return this;
    }

    /** @return the table, one {@code \n}-terminated line per header, rule, row and note */
    public String render() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            width[c] = length(columns.get(c).header());
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], length(r.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::header).toList(), width);
        if (rule) {
            line(out, Arrays.stream(width).mapToObj("-"::repeat).toList(), width);
        }
        for (int i = 0; i < rows.size(); i++) {
            line(out, rows.get(i), width);
            for (String note : notes.get(i)) {
                out.append(indent).append("    ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** Prints {@link #render()} and flushes. */
    public void print(PrintWriter out) {
        out.print(render());
        out.flush();
    }

    private void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - length(cell));
            if (c > 0) {
                line.append("  ");
            }
            line.append(columns.get(c).align() == Align.RIGHT ? pad + cell : cell + pad);
        }
        String text = line.toString().stripTrailing();
        out.append(text.isEmpty() ? "" : indent).append(text).append('\n');
    }

    private static int length(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
