package dev.stackbench.loadgen;

/**
 * The process may not open enough files (sockets) for the requested connections.
 */
public final class OpenFileLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long needed;
    private final long softLimit;
    private final long hardLimit;

    OpenFileLimitException(int connections, long needed, long softLimit, long hardLimit) {
        super(String.format(java.util.Locale.ROOT,
                "%d connections need about %d open files, but this process may open only %d (ulimit -n; hard limit %s). "
                        + "Raise it before running, e.g. 'ulimit -n %d' in this shell%s.",
                connections, needed, softLimit, hardLimit == Long.MAX_VALUE ? "unlimited" : Long.toString(hardLimit),
                Math.max(needed, 65536),
                hardLimit < needed ? " (above the hard limit: as root, or via /etc/security/limits.conf or systemd LimitNOFILE)" : ""));
        this.needed = needed;
        this.softLimit = softLimit;
        this.hardLimit = hardLimit;
    }

    /** @return open files the run needs */
    public long needed() { return needed; }
    /** @return the soft limit in force */
    public long softLimit() { return softLimit; }
    /** @return the hard limit in force */
    public long hardLimit() { return hardLimit; }
}
