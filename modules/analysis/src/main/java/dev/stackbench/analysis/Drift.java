package dev.stackbench.analysis;

import dev.stackbench.results.ReferenceMeasurement;
import java.util.List;
import java.util.Optional;

/**
 * How much the drift reference (a fixed server under a fixed load, measured between rounds)
 * varied during the run: the machine's own speed changing under every contestant alike.
 *
 * @param measurements how many reference measurements
 * @param throughput the reference's req/s across them
 * @param threshold the coefficient of variation above which every report warns
 */
public record Drift(int measurements, Spread throughput, double threshold) {

    /** @return whether the reference's coefficient of variation exceeds the threshold */
    public boolean exceeded() {
        return throughput.cv() > threshold;
    }

    /** @return the drift of a run's reference measurements, or empty with fewer than two */
    static Optional<Drift> of(List<ReferenceMeasurement> reference, double threshold) {
        if (reference.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Drift(reference.size(),
                Spread.of(reference.stream().map(ReferenceMeasurement::throughputPerSecond).toList()), threshold));
    }
}
