package dev.stackbench.loadgen.summary;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.TextTable;
import dev.stackbench.loadgen.LatencySummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The percentile table of a summary: one row per latency (p50 to p99.99, max, mean, stdev and
 * optionally the count), and the cells every other table of a summary shares. A value that
 * censored values make a lower bound is marked {@value #AT_LEAST}, as the reports mark it.
 */
final class LatencyTable {
    /** What marks a lower bound. */
    static final String AT_LEAST = "≥ ";
    private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};
    private final TextTable table;
    private final boolean counts;

    /** @param counts whether the table ends with a count column */
    LatencyTable(boolean counts) {
        this.counts = counts;
        List<TextTable.Column> columns = new ArrayList<>(List.of(TextTable.left(""), TextTable.right("p50"),
                TextTable.right("p75"), TextTable.right("p90"), TextTable.right("p99"), TextTable.right("p99.9"),
                TextTable.right("p99.99"), TextTable.right("max"), TextTable.right("mean"), TextTable.right("stdev")));
        if (counts) {
            columns.add(TextTable.right("count"));
        }
        this.table = new TextTable(columns).withIndent(2);
    }

    /** Adds a row; an empty summary is one {@code none}. */
    LatencyTable row(String label, LatencySummary l) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        if (l.count() == 0) {
            cells.add("none");
            while (cells.size() < (counts ? 11 : 10)) {
                cells.add("");
            }
            table.row(cells, List.of());
            return this;
        }
        long[] values = {l.p50Micros(), l.p75Micros(), l.p90Micros(), l.p99Micros(), l.p999Micros(), l.p9999Micros()};
        for (int i = 0; i < values.length; i++) {
            cells.add(cell(l, PERCENTILES[i], values[i]));
        }
        cells.add(max(l));
        cells.add((l.censored() > 0 ? AT_LEAST : "") + DurationFormat.micros(l.meanMicros()));
        cells.add(DurationFormat.micros(l.stdevMicros()));
        if (counts) {
            cells.add(Numbers.count(l.count()));
        }
        table.row(cells, List.of());
        return this;
    }

    String render() {
        return table.render();
    }

    /** @return a percentile's cell: {@code 4.06 ms}, or {@code ≥ 2.00 s} when censored values make it a lower bound */
    static String cell(LatencySummary l, double percentile, long micros) {
        return (l.isLowerBound(percentile) ? AT_LEAST : "") + DurationFormat.micros(micros);
    }

    /** @return the maximum's cell, a lower bound whenever a value is censored */
    static String max(LatencySummary l) {
        return (l.censored() > 0 ? AT_LEAST : "") + DurationFormat.micros(l.maxMicros());
    }

    /** @return HdrHistogram's own percentile distribution of {@code h} (microseconds), as wrk --latency and its tools print it */
    static String spectrum(Histogram h) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(buf, true, StandardCharsets.UTF_8), 5, 1.0);
        return buf.toString(StandardCharsets.UTF_8);
    }
}
