package dev.stackbench.runner.suite;

import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.analysis.advise.ProfileMeasurements;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suite that answers a project profile ({@code stackbench run --profile FILE}, docs/advise.md):
 * every workload of the mix with a share above 0, on the open-model rate ladder of
 * {@link ProfileMeasurements} times the server's cores, each contestant stopping a workload's ladder
 * at the first rate that misses (p99 above twice the target, or errors above the budget), trials long
 * enough for 1,000 intended requests (at least 10 s), 3 interleaved rounds, the profile's io delay.
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
        List<ProfileMeasurements.Measurement> measurements = ProfileMeasurements.of(profile);
        List<Workload> workloads = new ArrayList<>();
        for (ProfileMeasurements.Measurement m : measurements) {
            workloads.add(WorkloadParams.parse(m.workload()));
        }
        List<LoadLevel> levels = new ArrayList<>();
        for (double perCore : measurements.get(0).ratesPerCore()) {
            levels.add(new LoadLevel.Open(perCore * serverCores));
        }
        ProfileMeasurements.Measurement first = measurements.get(0);
        Ladder ladder = new Ladder(first.stopAboveP99Micros(), first.errorBudget(), ProfileMeasurements.VALUES_FOR_P99);
        return new Suite("profile", Suites.QUICK_CONTESTANTS, workloads, levels, Suites.OPEN_CONNECTIONS, Optional.empty(), ROUNDS,
                Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(ProfileMeasurements.MIN_TRIAL_SECONDS), Duration.ZERO,
                Duration.ofSeconds(10), cpus, new WorkloadParams(profile.ioMillis(), WorkloadParams.DEFAULT.cpuN()))
                .withLadder(ladder);
    }
}
