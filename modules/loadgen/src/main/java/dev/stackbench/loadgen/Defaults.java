package dev.stackbench.loadgen;

import java.time.Duration;

/** The one place for the load generator's defaults; the command-line help quotes them. */
public final class Defaults {
    /** Concurrent connections: 10, as wrk. */
    public static final int CONNECTIONS = 10;
    /** Measured interval: 10 s, as wrk. */
    public static final Duration DURATION = Duration.ofSeconds(10);
    /** Unrecorded load before the measured interval: 0 s. */
    public static final Duration WARMUP = Duration.ZERO;
    /** Per-request timeout, from the actual send: 2 s, as wrk. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * Open model: each request is sent at its own intended time (zero window). A window such as
     * 1 ms sends the requests due within it together, as wrk2's millisecond timers do: fewer
     * wake-ups for the generator, burstier arrivals for the server.
     */
    public static final Duration RESOLUTION = Duration.ZERO;
    /**
     * HTTP/2: concurrent streams per connection: 1, so that -c N means N requests in flight over
     * HTTP/1.1 and HTTP/2 alike; more streams put more requests on fewer connections.
     */
    public static final int STREAMS = 1;
    /** Seed of the random choices (request kind, path variant, template values, Poisson arrivals): 1. */
    public static final long SEED = 1;
    /** A ramp ({@code --rate FROM..TO/TIME}) is reported in this many equal stages. */
    public static final int RAMP_PARTS = 10;
    /** Latency histograms keep this many significant decimal digits. */
    public static final int SIGNIFICANT_DIGITS = 3;
    /** A send more than this late against its schedule counts as late (open model); counted, not a verdict. */
    public static final Duration LATE_SEND = Duration.ofMillis(1);
    /**
     * The generator is flagged when its own lag (p99 of the send lag in open model, or of the
     * event loops' hiccups, whichever is larger) exceeds this fraction of the p50 latency it reports.
     */
    public static final double GENERATOR_LAG_FRACTION = 0.10;
    /**
     * Generator lags below this are never flagged: Linux's default timer slack for ordinary threads
     * is 50 us, so no timed wake-up is more exact, and such a lag is below what a user can notice.
     */
    public static final Duration GENERATOR_LAG_FLOOR = Duration.ofNanos(50_000);
    /** Period of each event loop's hiccup probe (as jHiccup's default resolution). */
    public static final Duration HICCUP_PERIOD = Duration.ofMillis(1);
    /** Steal time above this fraction of the generator's CPU time is reported as a warning. */
    public static final double STEAL_FRACTION = 0.05;
    /**
     * Open model: the default cap of the connection pool is the rate times the timeout (Little's
     * law for requests that each take the whole timeout, so the pool never limits a request within
     * its timeout), at least {@code --connections} and at most this.
     */
    public static final int MAX_CONNECTIONS = 10_000;
    /** Open model: a level is connection-limited when more than this fraction of its sends waited
     *  while every connection of the capped pool was busy (see {@link GeneratorHealth#connectionLimited()}). */
    public static final double CONNECTION_LIMITED_FRACTION = 0.01;
    /** Warm-up until stable: the shortest warm-up. */
    public static final Duration STABLE_WARMUP_MIN = Duration.ofSeconds(1);
    /** Warm-up until stable: the longest warm-up. */
    public static final Duration STABLE_WARMUP_CAP = Duration.ofSeconds(30);
    /** Warm-up until stable: one rate sample. */
    public static final Duration STABLE_WARMUP_SAMPLE = Duration.ofMillis(250);
    /** Warm-up until stable: samples the coefficient of variation covers (8 x 250 ms = 2 s). */
    public static final int STABLE_WARMUP_SAMPLES = 8;
    /** Warm-up until stable: the coefficient of variation of the rate below which it is stable. */
    public static final double STABLE_WARMUP_CV = 0.05;
    /** Generator CPUs busier than this fraction mean the generator may have been the bottleneck. */
    public static final double SATURATED_CPU = 0.90;
    /**
     * A fraction of late sends above this means the schedule was not kept. No longer the HTTP
     * generator's verdict (see {@link #GENERATOR_LAG_FRACTION}); kept for generators that still use it.
     */
    public static final double LATE_FRACTION = 0.01;
    /** An open-model run that achieved less than this fraction of its rate fell behind. */
    public static final double BEHIND_SCHEDULE = 0.97;

    private Defaults() {
    }
}
