package dev.stackbench.cli.suite;

/**
 * Parameters of the workloads.
 *
 * @param ioMillis how long {@code /io} waits, milliseconds, 0..10000
 * @param cpuN     the {@code n} of {@code /cpu}, 1..1000000
 */
public record WorkloadParams(int ioMillis, int cpuN) {
    /** /io?ms=50 and /cpu?n=10000 (1229 primes). */
    public static final WorkloadParams DEFAULT = new WorkloadParams(50, 10_000);

    public WorkloadParams {
        if (ioMillis < 0 || ioMillis > 10_000) {
            throw new IllegalArgumentException("io milliseconds (" + ioMillis + ") must be between 0 and 10000");
        }
        if (cpuN < 1 || cpuN > 1_000_000) {
            throw new IllegalArgumentException("cpu n (" + cpuN + ") must be between 1 and 1000000");
        }
    }
}
