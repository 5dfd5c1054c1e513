package dev.stackbench.lab.monitor;

import java.util.Locale;

/** Where a {@link ResourceSummary}'s figures come from. */
public enum MonitorSource {
    /**
     * The server's own cgroup: the kernel's CPU accounting of every task that ran in it
     * (short-lived children included) and its memory (rss + mapped file pages, each page once).
     */
    CGROUP,
    /**
     * The {@code /proc} tree sampler: CPU time of the processes alive at the samples (one that
     * starts and exits between two samples is missed) and RSS summed over them (pages shared by
     * workers count once per worker).
     */
    PROC;

    /** @return {@code cgroup} or {@code proc}, as reports write it */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
