package dev.stackbench.runner.suite;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed-model cells of a suite beside its matrix: these workloads at these connection counts, for
 * these contestants. Connection scaling (issue 8: the async and sync worker models side by side
 * from few to many connections) is one use; a matrix cell that only some workloads need is another.
 * A cell the matrix already has is measured once, for every contestant of the matrix.
 *
 * @param workloads   HTTP workloads, in order, no duplicates
 * @param connections connection counts, each >= 1, in order, no duplicates
 * @param contestants the contestants measured on these cells, among the suite's; empty means all of them
 */
public record ConnectionCells(List<Workload> workloads, List<Integer> connections, List<String> contestants) {
    public ConnectionCells {
        workloads = List.copyOf(workloads);
        connections = List.copyOf(connections);
        contestants = List.copyOf(contestants);
        if (workloads.isEmpty() || connections.isEmpty()) {
            throw new IllegalArgumentException("connection cells need at least one workload and one connection count");
        }
        for (Workload w : workloads) {
            if (w == Workload.REALTIME) {
                throw new IllegalArgumentException("connection cells are HTTP workloads (json, user, io, cpu); realtime has its own cells");
            }
        }
        if (workloads.stream().distinct().count() != workloads.size()) {
            throw new IllegalArgumentException("connection cells' workloads " + workloads + " name one workload twice");
        }
        for (int n : connections) {
            if (n < 1) {
                throw new IllegalArgumentException("connections (" + n + ") must be >= 1");
            }
        }
        if (connections.stream().distinct().count() != connections.size()) {
            throw new IllegalArgumentException("connection counts " + connections + " name one count twice");
        }
    }

    /** @return one closed-model level per connection count, in order */
    public List<LoadLevel.Closed> levels() {
        List<LoadLevel.Closed> out = new ArrayList<>();
        connections.forEach(n -> out.add(new LoadLevel.Closed(n)));
        return out;
    }

    /** @return whether {@code id} is measured on these cells */
    public boolean measures(String id) {
        return contestants.isEmpty() || contestants.contains(id);
    }
}
