package dev.stackbench.loadgen;

import org.HdrHistogram.Histogram;

/**
 * The figures of one request kind of a mix, under the same rules as the run's totals
 * ({@link LoadResult}): {@code requests} and {@link #throughput()} per time over the window; the
 * latencies (microseconds) and errors per request intended inside it. A kind is chosen when a
 * request is sent, so connect errors, which happen before, count only in the run's total; a request
 * never sent (unsent) is given a kind by weight, as its send would have drawn.
 *
 * @param name              the kind's name
 * @param weight            its weight in the mix
 * @param requests          its responses (any status) completed inside the window (open model: to
 *                          requests intended inside it)
 * @param successes         those of {@code requests} with status 200..399
 * @param measuredSeconds   the window, seconds
 * @param unsent            its requests intended inside the window and never sent (censored values)
 * @param latency           every request of the kind: responses and censored values
 * @param successLatency    responses with status 200..399
 * @param errorLatency      responses with another status
 * @param errors            its errors by class (connect errors are never a kind's)
 * @param latencyHistogram  as {@code latency}
 * @param censoredHistogram the censored values alone
 */
public record KindResult(String name, int weight, long requests, long successes, double measuredSeconds, long unsent,
                         LatencySummary latency, LatencySummary successLatency, LatencySummary errorLatency,
                         ErrorCounts errors, Histogram latencyHistogram, Histogram censoredHistogram) {

    /** @return completions inside the window per second */
    public double throughput() {
        return measuredSeconds <= 0 ? 0 : requests / measuredSeconds;
    }

    /** @return successful completions inside the window per second */
    public double successThroughput() {
        return measuredSeconds <= 0 ? 0 : successes / measuredSeconds;
    }

    /** @return errors / requests intended in the window (0 when none) */
    public double errorRate() {
        return latency.count() == 0 ? 0 : (double) errors.total() / latency.count();
    }
}
