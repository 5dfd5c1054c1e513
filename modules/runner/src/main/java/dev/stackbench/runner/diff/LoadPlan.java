package dev.stackbench.runner.diff;

import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.RequestKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@code diff --load} measures: rounds of one trial per backend each, in an alternating or a
 * shuffled order, every trial the same request mix ({@link LoadMix}: methods, headers, bodies,
 * weights and templates) at the same load, with the same seed.
 *
 * @param mix         the request kinds, at least one; their paths are relative to each backend's base URL
 * @param rounds      rounds, >= 3 (a verdict needs 3 pairs)
 * @param order       order of old and new within a round
 * @param seed        the shuffle seed ({@link Order#SHUFFLED}) and the generator's (kinds by weight, template values)
 * @param connections closed model: connections; open model: connections opened before the schedule
 * @param rate        open model at this many requests per second; empty: closed model
 * @param arrivals    open model: evenly spaced or Poisson (a scenario's {@code arrivals}); ignored in the closed model
 * @param warmup      unmeasured load before each trial
 * @param duration    each trial's measured window
 * @param timeout     per request
 * @param threads     generator event loops
 */
public record LoadPlan(List<RequestKind> mix, int rounds, Order order, long seed, int connections, Optional<Double> rate,
                       LoadModel.Arrivals arrivals, Duration warmup, Duration duration, Duration timeout, int threads) {
    /** Default rounds: 6, the fewest with which a paired interval of this noise is useful (docs/reports.md). */
    public static final int DEFAULT_ROUNDS = 6;
    /** Fewest rounds allowed. */
    public static final int MIN_ROUNDS = 3;

    /** Order of the two backends within a round. */
    public enum Order {
        /** old first in odd rounds, new first in even ones */
        ALTERNATING,
        /** shuffled per round from the seed */
        SHUFFLED
    }

    public LoadPlan {
        mix = List.copyOf(mix);
        java.util.Objects.requireNonNull(arrivals, "arrivals");
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("--load needs at least one request that the old backend answers with 2xx");
        }
        if (rounds < MIN_ROUNDS) {
            throw new IllegalArgumentException("--rounds (" + rounds + ") must be >= " + MIN_ROUNDS + ": a verdict needs 3 paired rounds");
        }
    }

    /** @return the load model of every trial */
    public LoadModel model() {
        return rate.<LoadModel>map(r -> LoadModel.Open.constant(r, arrivals)).orElse(new LoadModel.Closed());
    }
}
