package dev.stackbench.loadgen.summary;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.TextTable;
import dev.stackbench.loadgen.IntervalSample;
import java.util.List;
import java.util.Locale;

/** The per-second timeline of a summary: the span in seconds, the rate, the errors and the p99 of each interval. */
final class TimelineTable {
    private TimelineTable() {
    }

    /**
     * @param rateHeader what the rate counts, e.g. {@code req/s}, {@code replies/s}
     * @return the table, indented as the summary, one {@code \n}-terminated line per interval
     */
    static String render(List<IntervalSample> timeline, String rateHeader) {
        TextTable t = new TextTable(TextTable.left("second"), TextTable.right(rateHeader), TextTable.right("errors"),
                TextTable.right("p99")).withIndent(2);
        for (IntervalSample s : timeline) {
            t.row(String.format(Locale.ROOT, "%.0f-%.0f", s.startSeconds(), s.startSeconds() + s.lengthSeconds()),
                    RateFormat.number(s.rate(), Locale.ROOT), Numbers.count(s.errors()), DurationFormat.micros(s.p99Micros()));
        }
        return t.render();
    }
}
