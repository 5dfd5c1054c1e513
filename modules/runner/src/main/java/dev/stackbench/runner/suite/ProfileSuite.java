package dev.stackbench.runner.suite;

import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.analysis.advise.ProfileMeasurements;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suite that answers a project profile ({@code stackbench run --profile FILE}, docs/advise.md):
 * the profile's mix (its workloads with a share above 0, weighted by their shares) sent as one request
 * mix per trial (workload {@value dev.stackbench.results.Plan#MIX}), on the open-model rate ladder of
 * {@link ProfileMeasurements} times the server's cores, a contestant's higher rates skipped after a
 * rate that misses (p99 above twice the target, or errors above the budget): in that round, and for
 * the rest of the run once a later round misses again (SuiteRunner's ladder rule), trials long enough
 * for 1,000 successful values within the error budget ({@link ProfileMeasurements#valuesPerTrial}, at
 * least 10 s), 3 interleaved rounds, the profile's io delay.
 */
public final class ProfileSuite {
    /** Rounds of a profile's run: the fewest that give an interval. */
    public static final int ROUNDS = 3;

    private ProfileSuite() {
    }

    /**
     * @param serverCores how many CPUs the server set holds: the ladder is per core
     * @return the suite; its contestants are the quick suite's (a run's --contestants narrows or widens it)
     */
    public static Suite of(Profile profile, int serverCores, CpuSets cpus) {
        ProfileMeasurements.MixLadder m = ProfileMeasurements.mix(profile);
        List<Ladder.Share> mix = new ArrayList<>();
        for (ProfileMeasurements.Weighted w : m.mix()) {
            mix.add(new Ladder.Share(WorkloadParams.parse(w.workload()), w.weight()));
        }
        List<LoadLevel> levels = new ArrayList<>();
        for (double perCore : m.ratesPerCore()) {
            levels.add(new LoadLevel.Open(perCore * serverCores));
        }
        Ladder ladder = new Ladder(m.stopAboveP99Micros(), m.errorBudget(), ProfileMeasurements.valuesPerTrial(m.errorBudget()), mix);
        return new Suite("profile", Suites.QUICK_CONTESTANTS, List.of(), levels, Suites.OPEN_CONNECTIONS, Optional.empty(), ROUNDS,
                Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(ProfileMeasurements.MIN_TRIAL_SECONDS), Duration.ZERO,
                Duration.ofSeconds(10), cpus, new WorkloadParams(m.ioMillis(), WorkloadParams.DEFAULT.cpuN()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(ladder));
    }
}
