package dev.stackbench.analysis;

import dev.stackbench.results.Run;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hypervisor's steal on the generator's CPUs (from /proc/stat) over a run's trials. It is not a
 * cell flag: a shared machine steals from every contestant of a round alike, rounds pair the trials,
 * and the intervals carry what it did to the numbers. Reports print it beside the drift reference.
 *
 * @param trials how many trials measured it
 * @param median the median steal, as a fraction of the generator CPUs' time, 0..1
 * @param max the largest, 0..1
 */
public record GeneratorSteal(int trials, double median, double max) {

    /** @return the steal over the trials that measured it, or empty when none did (schema 1, or no /proc/stat) */
    public static Optional<GeneratorSteal> of(Run run) {
        List<Double> steal = run.trials().stream().map(t -> t.generator().stealFraction()).filter(Objects::nonNull).toList();
        if (steal.isEmpty()) {
            return Optional.empty();
        }
        Spread s = Spread.of(steal);
        return Optional.of(new GeneratorSteal(s.n(), s.median(), s.max()));
    }
}
