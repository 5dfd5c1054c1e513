package dev.stackbench.runner.suite;

import dev.stackbench.results.LoadLevel;
import java.util.List;

/**
 * The {@code blocking} cells of a suite (the event-loop claim): GET /json at a fixed open-model
 * rate alone (workload {@code json} at that rate), and at the same total rate with a share of
 * GET /cpu mixed in (workload {@code blocking}, a request mix); each contestant's json p99
 * inflation is the second's json p99 over the first's, paired by round. The contestants are those
 * whose manifest lists both {@code json} and {@code cpu}; the /cpu requests use the suite's
 * {@link WorkloadParams#cpuN()}.
 *
 * @param ratePerSecond the total offered rate of both cells, requests per second, > 0
 * @param cpuPercent    the share of /cpu requests in the mix, percent, 1..50
 * @param variants      contestants measured on these two cells only, beside the suite's: the variants
 *                      the articles' advice names for this claim (Node with a worker-thread pool for
 *                      /cpu), which no other cell needs; empty for none
 */
public record BlockingCells(double ratePerSecond, int cpuPercent, List<String> variants) {
    /** 800 req/s, 5% of them /cpu: 760 json responses a second, so a 1.5 s trial backs its json p99 (1,000 values). */
    public static final BlockingCells DEFAULT = new BlockingCells(800, 5);

    /** Without variants. */
    public BlockingCells(double ratePerSecond, int cpuPercent) {
        this(ratePerSecond, cpuPercent, List.of());
    }

    public BlockingCells {
        variants = List.copyOf(variants);
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("blocking rate (" + ratePerSecond + ") must be > 0 requests per second");
        }
        if (cpuPercent < 1 || cpuPercent > 50) {
            throw new IllegalArgumentException("blocking cpuPercent (" + cpuPercent + ") must be between 1 and 50");
        }
    }

    /** @return the same cells without variants */
    public BlockingCells withoutVariants() {
        return new BlockingCells(ratePerSecond, cpuPercent);
    }

    /** @return the open-model level both cells run at */
    public LoadLevel.Open level() {
        return new LoadLevel.Open(ratePerSecond);
    }
}
