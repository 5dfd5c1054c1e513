package dev.stackbench.lab.manifest;

/**
 * How many processes (or event loops) a contestant runs for a CPU budget of C cores:
 * {@code WORKERS = max(1, perCpu * C + plus)}, taken from the framework's deployment docs.
 *
 * <pre>{@code
 * new WorkersRule(2, 1, "https://docs.gunicorn.org/...").workersFor(1) == 3
 * }</pre>
 *
 * @param perCpu workers per core of the budget, >= 0
 * @param plus   workers added (or, if negative, removed) after the multiplication
 * @param source where the rule comes from (a URL of the framework's docs)
 */
public record WorkersRule(int perCpu, int plus, String source) {
    public WorkersRule {
        if (perCpu < 0) {
            throw new IllegalArgumentException("perCpu must be >= 0, got " + perCpu);
        }
    }

    /**
     * @param cpus the CPU budget in cores, >= 1
     * @return the worker count for that budget, at least 1
     */
    public int workersFor(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("a CPU budget must be >= 1 core, got " + cpus);
        }
        return Math.max(1, perCpu * cpus + plus);
    }
}
