package dev.stackbench.analysis;

import java.util.List;

/**
 * A cell's latency percentile distribution, for HdrHistogram-style plots (x = 1/(1-p)).
 *
 * @param key the cell
 * @param source whether it comes from the trials' merged interval logs or, when those are
 *     missing, from the median trial summaries (fewer points)
 * @param points ascending percentile; no 100th percentile (its x is infinite): see {@code maxMicros}
 * @param maxMicros the largest recorded latency, µs
 */
public record LatencyCurve(CellKey key, Source source, List<Point> points, long maxMicros) {

    /** Where a curve's points come from. */
    public enum Source {
        /** All trials' interval logs, merged. */
        HISTOGRAM,
        /** The medians of the trials' summary percentiles in run.json. */
        SUMMARY
    }

    /**
     * @param percentile 0..100 (exclusive of 100)
     * @param valueMicros latency at that percentile, µs
     */
    public record Point(double percentile, long valueMicros) {
    }

    public LatencyCurve {
        points = List.copyOf(points);
    }
}
