package dev.stackbench.report;

import dev.stackbench.config.TextTable;
import java.util.List;

/**
 * A table of already formatted cells, laid out as terminal text, Markdown or HTML. One table
 * feeds every human format, so they never disagree.
 *
 * @param columns headers and alignment
 * @param rows one list of cells per row, as many as columns
 */
record Table(List<Column> columns, List<List<String>> rows) {

    enum Align { LEFT, RIGHT }

    record Column(String header, Align align) {
    }

    Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, table has "
                        + columns.size() + " columns: " + row);
            }
        }
    }

    static Column left(String header) {
        return new Column(header, Align.LEFT);
    }

    static Column right(String header) {
        return new Column(header, Align.RIGHT);
    }

    /** @return columns padded to their widest cell, two spaces apart, a dashed rule under the header (the config module's one table printer) */
    String toText() {
        TextTable text = new TextTable(columns.stream()
                .map(c -> c.align() == Align.RIGHT ? TextTable.right(c.header()) : TextTable.left(c.header())).toList()).withRule();
        rows.forEach(r -> text.row(r.toArray(String[]::new)));
        return text.render();
    }

    /** @return a GitHub-flavoured Markdown table */
    String toMarkdown() {
        StringBuilder out = new StringBuilder("|");
        columns.forEach(c -> out.append(' ').append(md(c.header())).append(" |"));
        out.append("\n|");
        columns.forEach(c -> out.append(c.align() == Align.RIGHT ? "---:|" : "---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(md(cell)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    /** @return an HTML {@code <table>} in a horizontally scrolling box, with escaped cells; right-aligned columns get class {@code num} */
    String toHtml(String cssClass) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table class=\"").append(cssClass)
                .append("\">\n<thead><tr>");
        columns.forEach(c -> out.append(c.align() == Align.RIGHT ? "<th class=\"num\">" : "<th>")
                .append(Html.escape(c.header())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(columns.get(c).align() == Align.RIGHT ? "<td class=\"num\">" : "<td>")
                        .append(Html.escape(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table></div>\n").toString();
    }

    private static String md(String cell) {
        return cell.replace("|", "\\|");
    }
}
