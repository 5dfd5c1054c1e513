package dev.stackbench.loadgen;

import dev.stackbench.config.RateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How requests are issued.
 *
 * <ul>
 *   <li>{@link Closed}: every connection sends its next request as soon as the previous response
 *       is complete (wrk, autocannon). Throughput is whatever the server sustains; latency is the
 *       service time and hides queueing (coordinated omission).</li>
 *   <li>{@link Open}: requests arrive at a rate on a schedule fixed in advance (wrk2, k6
 *       arrival-rate): a constant rate, or stages of steps and ramps; arrivals evenly spaced or
 *       Poisson. Latency is timed from each request's intended send time, so a stalled server
 *       shows up as the waits its users would see.</li>
 * </ul>
 */
public sealed interface LoadModel permits LoadModel.Closed, LoadModel.Open {

    /** How arrivals are spaced in the open model. */
    enum Arrivals {
        /** evenly: one every 1/rate */
        CONSTANT,
        /** a Poisson process: exponential inter-arrival times of mean 1/rate (coefficient of variation 1), seeded */
        POISSON
    }

    /** Closed model: as fast as the connections allow. */
    record Closed() implements LoadModel {
        @Override
        public String toString() {
            return "closed";
        }
    }

    /**
     * Open model.
     *
     * @param ratePerSecond the mean target rate over the measured window, requests/s across all
     *                      connections, finite and &gt; 0 (with stages: their requests over their length)
     * @param stages        the schedule over the measured window, in order; empty for a constant
     *                      {@code ratePerSecond}. With stages, the measured window is their total
     *                      length and the warm-up runs at the first stage's starting rate.
     * @param arrivals      evenly spaced or Poisson
     */
    record Open(double ratePerSecond, List<RateStage> stages, Arrivals arrivals) implements LoadModel {
        public Open {
            stages = List.copyOf(stages);
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be a positive number of requests per second, got " + ratePerSecond);
            }
        }

        /** A constant rate, evenly spaced. */
        public Open(double ratePerSecond) {
            this(ratePerSecond, List.of(), Arrivals.CONSTANT);
        }

        /** A constant rate with the given arrivals. */
        public static Open constant(double ratePerSecond, Arrivals arrivals) {
            return new Open(ratePerSecond, List.of(), arrivals);
        }

        /** A schedule of stages; the mean rate is computed from them. */
        public static Open schedule(List<RateStage> stages, Arrivals arrivals) {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a rate schedule needs at least one stage");
            }
            double requests = 0;
            double seconds = 0;
            for (RateStage s : stages) {
                requests += s.meanPerSecond() * s.length().toNanos() / 1e9;
                seconds += s.length().toNanos() / 1e9;
            }
            return new Open(requests / seconds, stages, arrivals);
        }

        /**
         * A linear ramp from {@code from} to {@code to} over {@code length}, in {@code parts} equal
         * stages, so that each part has its own results (a latency-vs-rate curve from one run).
         */
        public static List<RateStage> ramp(double from, double to, Duration length, int parts) {
            List<RateStage> out = new ArrayList<>();
            long each = length.toNanos() / parts;
            for (int i = 0; i < parts; i++) {
                double a = from + (to - from) * i / parts;
                double b = from + (to - from) * (i + 1) / parts;
                long len = i == parts - 1 ? length.toNanos() - each * (parts - 1) : each;
                out.add(new RateStage(a, b, Duration.ofNanos(len)));
            }
            return out;
        }

        /** @return the highest target rate of the schedule, requests/s */
        public double peakPerSecond() {
            return stages.stream().mapToDouble(s -> Math.max(s.fromPerSecond(), s.toPerSecond())).max().orElse(ratePerSecond);
        }

        /** @return the total length of the stages; zero without stages */
        public Duration scheduleLength() {
            return stages.stream().map(RateStage::length).reduce(Duration.ZERO, Duration::plus);
        }

        @Override
        public String toString() {
            String base = stages.isEmpty() ? "open at " + RateFormat.format(ratePerSecond)
                    : "open, " + stages.size() + " stages (mean " + RateFormat.format(ratePerSecond) + ")";
            return arrivals == Arrivals.POISSON ? base + ", Poisson arrivals" : base;
        }
    }
}
