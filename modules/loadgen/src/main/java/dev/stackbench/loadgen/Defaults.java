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
    /** Latency histograms keep this many significant decimal digits. */
    public static final int SIGNIFICANT_DIGITS = 3;
    /** A send more than this late against its schedule counts as late (open model). */
    public static final Duration LATE_SEND = Duration.ofMillis(1);
    /** Generator CPUs busier than this fraction mean the generator may have been the bottleneck. */
    public static final double SATURATED_CPU = 0.90;
    /** An open-model run that achieved less than this fraction of its rate fell behind. */
    public static final double BEHIND_SCHEDULE = 0.97;
    /** A fraction of late sends above this means the schedule was not kept. */
    public static final double LATE_FRACTION = 0.01;

    private Defaults() {
    }
}
