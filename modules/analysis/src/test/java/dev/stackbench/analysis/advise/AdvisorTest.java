package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Profiles whose answers the fixture knows. */
class AdvisorTest {

    static ContestantAdvice row(Advice a, String id) {
        return a.ranked().stream().filter(r -> r.contestant().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anIoHeavyProfileNeedsManyTimesTheCoresOnSyncWorkersThanOnAsyncServers() {
        Advice a = Advisor.advise(AdviseRuns.profile(AdviseRuns.IO_HEAVY), List.of(AdviseRuns.fixture()));
        // django: io 25/core, user 400/core -> 1 / (0.8/25 + 0.2/400) = 30.77/core; 400 x 1.3 / 30.77 -> 17 cores
        ContestantAdvice django = row(a, "django-gunicorn");
        assertThat(django.fit().orElseThrow().perCore()).isCloseTo(1 / (0.8 / 25 + 0.2 / 400), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(django.fit().orElseThrow().cores()).isEqualTo(17);
        // fastify: io 1600, user 3200 -> 1777.8/core: 1 core
        ContestantAdvice fastify = row(a, "fastify");
        assertThat(fastify.fit().orElseThrow().cores()).isEqualTo(1);
        assertThat(row(a, "fastapi-uvicorn").fit().orElseThrow().cores()).isEqualTo(1);
        // the async servers tie on cost; the Python team's weights put fastapi first
        assertThat(a.ranked()).extracting(r -> r.contestant().id())
                .containsExactly("fastapi-uvicorn", "express", "fastify", "django-gunicorn");
        assertThat(a.ranked().get(0).score()).isEqualTo(7);
        assertThat(a.ranked()).extracting(ContestantAdvice::rank).containsExactly(1, 2, 3, 4);
        // memory: 17 cores x django's peak RSS per core (3 workers' 140 MB x 1.04 on one core)
        assertThat(django.fit().orElseThrow().memoryBytes()).isBetween(17 * 140_000_000L, 17 * 152_000_000L);
        // 730 h x 17 cores x 0.04
        assertThat(django.fit().orElseThrow().coreCostPerMonth()).isCloseTo(730 * 17 * 0.04, org.assertj.core.data.Offset.offset(1e-9));
        // flask has only closed levels and its io p99 is over the target: not measurable
        assertThat(a.notMeasurable()).extracting(r -> r.contestant().id()).containsExactly("flask-gunicorn");
    }

    @Test
    void sensitivityRecomputesTheAnswerWithOneThingChanged() {
        Advice a = Advisor.advise(AdviseRuns.profile(AdviseRuns.IO_HEAVY), List.of(AdviseRuns.fixture()));
        assertThat(a.sensitivity()).extracting(Advice.Scenario::change).containsExactly(Advice.Change.PEAK_DOUBLES,
                Advice.Change.TARGET_HALVES, Advice.Change.NEXT_MEASURED_STEP, Advice.Change.NO_WEIGHTS);
        // django at the next steps: io 50, user 800 -> 1 / (0.8/50 + 0.2/800) = 61.5/core -> 9 cores, not 17
        Advice.Scenario step = a.sensitivity().get(2);
        assertThat(step.ranked().stream().filter(r -> r.contestant().id().equals("django-gunicorn")).findFirst()
                .orElseThrow().fit().orElseThrow().cores()).isEqualTo(9);
        Advice.Scenario doubled = a.sensitivity().get(0);
        assertThat(doubled.ranked().stream().filter(r -> r.contestant().id().equals("django-gunicorn")).findFirst()
                .orElseThrow().fit().orElseThrow().cores()).isEqualTo(34);
        // at 100 ms django's io misses even at 25/s (183 ms)
        Advice.Scenario halved = a.sensitivity().get(1);
        assertThat(halved.cannotMeet()).containsExactly("django-gunicorn");
        // without weights, cost alone; the three 1-core servers tie and are ordered by cost, then id
        Advice.Scenario noWeights = a.sensitivity().get(3);
        assertThat(noWeights.ranked().get(noWeights.ranked().size() - 1).contestant().id()).isEqualTo("django-gunicorn");
    }

    @Test
    void aContestantThatMeetsTheTargetAtNoMeasuredRateSaysSoWithItsBestP99() {
        Advice a = Advisor.advise(AdviseRuns.profile(AdviseRuns.CPU_STRICT), List.of(AdviseRuns.fixture()));
        assertThat(a.cannotMeet()).extracting(r -> r.contestant().id()).containsExactly("fastapi-uvicorn", "django-gunicorn");
        Capacity.Unmet django = (Capacity.Unmet) a.cannotMeet().get(1).workloads().get(0).capacity();
        // 5 ms + ln(100) / (230 - 25) s ≈ 27.5 ms, at 25 req/s
        assertThat(django.atPerSecond()).isEqualTo(25.0);
        assertThat(django.bestP99Micros()).isBetween(26_000L, 29_000L);
        // fastify: 200/s meets 10 ms (≈ 7.8 ms), 400/s does not (≈ 10.4 ms): 100 x 1.3 / 200 -> 1 core
        assertThat(row(a, "fastify").workloads().get(0).capacity()).isInstanceOf(Capacity.Measured.class);
        assertThat(((Capacity.Measured) row(a, "fastify").workloads().get(0).capacity()).perCore()).isEqualTo(200.0);
    }

    @Test
    void aClosedOnlyWorkloadIsALabelledEstimate() {
        Advice a = Advisor.advise(AdviseRuns.profile("mix: {user: 100}\npeak: 1000\np99: 200ms\n"),
                List.of(AdviseRuns.fixture()));
        ContestantAdvice flask = row(a, "flask-gunicorn");
        assertThat(flask.fit().orElseThrow().estimated()).isTrue();
        assertThat(flask.fit().orElseThrow().cores()).isEqualTo(2);
        assertThat(a.notes()).anyMatch(n -> n.startsWith("ESTIMATE: some workloads were measured only in the closed model"));
        assertThat(a.notes()).anyMatch(n -> n.startsWith("Prices are examples, not facts"));
    }

    @Test
    void aWeightedNeedNobodyCanMeetIsSaid() {
        Advice a = Advisor.advise(AdviseRuns.profile("mix: {user: 100}\npeak: 100\np99: 200ms\nneeds: {team-languages: 4}\n"),
                List.of(AdviseRuns.fixture()));
        assertThat(a.notes()).contains("The need team-languages has weight 4 but names no languages (for"
                + " team-languages: the profile's team is empty), so no contestant meets it.");
        assertThat(a.ranked()).allMatch(r -> r.score() == 0);
    }

    @Test
    void theCostCurveSizesEveryContestantAtTargetsAroundTheProfiles() {
        Advice a = Advisor.advise(AdviseRuns.profile(AdviseRuns.IO_HEAVY), List.of(AdviseRuns.fixture()));
        assertThat(a.costByTarget()).extracting(Advice.TargetPoint::targetMicros)
                .containsExactly(50_000L, 100_000L, 150_000L, 200_000L, 300_000L, 400_000L, 600_000L, 800_000L);
        Advice.TargetPoint at200 = a.costByTarget().get(3);
        assertThat(at200.costs()).extracting(Advice.ContestantCost::contestant)
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn", "flask-gunicorn");
        assertThat(at200.costs().get(3).fit().orElseThrow().cores()).isEqualTo(17);
        assertThat(at200.costs().get(4).fit()).isEmpty();
        // below django's 183 ms at 25/s it has no point; at 600 ms its io meets 50/s (≈ 512 ms): fewer cores
        assertThat(a.costByTarget().get(2).costs().get(3).fit()).isEmpty();
        assertThat(a.costByTarget().get(6).costs().get(3).fit().orElseThrow().cores()).isLessThan(17);
    }

    @Test
    void severalRunsAreReadTogetherAndEachRunsServerCoresDivideItsRates() {
        dev.stackbench.results.Run one = AdviseFixture.run();
        dev.stackbench.results.Environment e = one.environment();
        // the same curves measured on a server set of 2 cores: half the capacity per core
        dev.stackbench.results.Run two = new dev.stackbench.results.Run(one.schemaVersion(), one.suite(), one.started(),
                one.finished(), one.status(), one.plan(), new dev.stackbench.results.Environment(e.cpuModel(), 4, e.os(),
                e.kernel(), e.javaVersion(), e.nodeVersion(), e.pythonVersion(), "0", "2-3", "1", e.hostname()),
                one.contestants(), one.trials(), one.reference());
        var analysis = dev.stackbench.analysis.Analyzer.analyze(two, t -> java.util.Optional.empty(),
                dev.stackbench.analysis.AnalysisSettings.DEFAULTS);
        Advice onTwo = Advisor.advise(AdviseRuns.profile(AdviseRuns.IO_HEAVY), List.of(analysis));
        assertThat(row(onTwo, "django-gunicorn").fit().orElseThrow().perCore())
                .isCloseTo(1 / (0.8 / 12.5 + 0.2 / 200), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onTwo.runs()).containsExactly("advise-fixture, 2026-11-20T09:00:00Z, server CPUs 2-3");
        // both runs: the best per-core capacity of either counts
        Advice both = Advisor.advise(AdviseRuns.profile(AdviseRuns.IO_HEAVY), List.of(analysis, AdviseRuns.fixture()));
        assertThat(both.runs()).hasSize(2);
        assertThat(row(both, "django-gunicorn").fit().orElseThrow().cores()).isEqualTo(17);
    }

    @Test
    void serverCoresCountTheCpuSet() {
        assertThat(ServerCores.count("1")).isEqualTo(1);
        assertThat(ServerCores.count("0-3,6")).isEqualTo(5);
        assertThat(ServerCores.count(null)).isEqualTo(1);
    }
}
