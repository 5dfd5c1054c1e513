package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The mix form: a profile's run sent its mix as one request mix; the capacity is read off the mix's own cells. */
class MixLadderAdviceTest {

    static ContestantAdvice row(Advice a, String id) {
        return AdvisorTest.row(a, id);
    }

    @Test
    void theCapacityIsTheHighestLadderRateWhoseMixP99StaysUnderTheTarget() {
        Advice a = Advisor.advise(AdviseRuns.profile(AdviseRuns.MIX_API), List.of(AdviseRuns.mixLadder()));
        // django (μ 200): 140 req/s meets 200 ms (p99 ≈ 129 ms), 200 saturates: 1,300 / 140 -> 10 cores
        ContestantAdvice django = row(a, "django-gunicorn");
        assertThat(django.mixForm()).isTrue();
        Capacity.Measured d = (Capacity.Measured) django.workloads().get(0).capacity();
        assertThat(django.workloads()).extracting(ContestantAdvice.WorkloadCapacity::workload).containsExactly("mix");
        assertThat(d.perCore()).isEqualTo(140);
        assertThat(d.missedAbovePerCore()).contains(200.0);
        assertThat(d.p99Micros()).isBetween(125_000L, 133_000L);
        assertThat(django.fit().orElseThrow().perCore()).isEqualTo(140);
        assertThat(django.fit().orElseThrow().cores()).isEqualTo(10);
        // each kind's own p99 there: io carries the tail; but a 10 s trial at 140 req/s holds 1,400 values of the mix,
        // enough for its p99, and only 980, 280 and 140 of each kind: too few for theirs
        assertThat(d.kinds()).extracting(Capacity.KindP99::kind).containsExactly("user", "io", "cpu");
        assertThat(d.kinds()).extracting(Capacity.KindP99::share).containsExactly(0.7, 0.2, 0.1);
        assertThat(d.kinds()).extracting(Capacity.KindP99::values).containsExactly(980L, 280L, 140L);
        assertThat(d.kinds()).noneMatch(Capacity.KindP99::supported);
        assertThat(d.kinds().get(1).p99Micros()).isEqualTo(d.p99Micros());
        // fastapi (μ 900): 800 meets (≈ 98 ms), 1,100 saturates: 2 cores
        ContestantAdvice fastapi = row(a, "fastapi-uvicorn");
        assertThat(((Capacity.Measured) fastapi.workloads().get(0).capacity()).missedAbovePerCore()).contains(1100.0);
        assertThat(fastapi.fit().orElseThrow().perCore()).isEqualTo(800);
        assertThat(fastapi.fit().orElseThrow().cores()).isEqualTo(2);
        // fastify (μ 2,000) meets it at the ladder's top, 1,600: a lower bound, 1 core
        ContestantAdvice fastify = row(a, "fastify");
        // at 1,600 req/s every kind has its 1,000 values (cpu: 1,600): user ≈ 13.5 ms, io ≈ 62.5 ms, cpu ≈ 14.5 ms
        Capacity.Measured f = (Capacity.Measured) fastify.workloads().get(0).capacity();
        assertThat(f.kinds()).allMatch(Capacity.KindP99::supported);
        assertThat(f.kinds()).extracting(Capacity.KindP99::p99Micros).satisfiesExactly(
                u -> assertThat(u).isBetween(13_200L, 13_800L), io -> assertThat(io).isBetween(61_200L, 63_800L),
                cpu -> assertThat(cpu).isBetween(14_200L, 14_800L));
        assertThat(fastify.fit().orElseThrow().perCore()).isEqualTo(1600);
        assertThat(fastify.fit().orElseThrow().lowerBound()).isTrue();
        assertThat(fastify.fit().orElseThrow().cores()).isEqualTo(1);
        assertThat(a.ranked()).extracting(r -> r.contestant().id()).containsExactly("fastify", "fastapi-uvicorn", "django-gunicorn");
        // the next measured step: django at 200 (1,300 / 200 -> 7 cores)
        assertThat(a.sensitivity().get(2).ranked().stream().filter(r -> r.contestant().id().equals("django-gunicorn"))
                .findFirst().orElseThrow().fit().orElseThrow().cores()).isEqualTo(7);
        assertThat(a.notes()).contains("Capacity from the mix cells: every trial sent the profile's mix as one request mix"
                + " (run.json's plan.mix), so a rate's p99 is the whole mix's; each kind's own p99 at the capacity rate is shown"
                + " beside it.");
        // the run sent the profile's mix with its io delay: no line says otherwise
        assertThat(a.notes()).noneMatch(n -> n.contains("not the profile's") || n.contains("does not record"));
    }

    @Test
    void aRunWhoseMixOrIoDelayDiffersFromTheProfileSaysSoInOneLine() {
        Profile other = AdviseRuns.profile("mix: {user: 60%, io: 40%}\nioMillis: 100\npeak: 1000\np99: 200ms\n");
        Advice a = Advisor.advise(other, List.of(AdviseRuns.mixLadder()));
        assertThat(a.notes()).contains("The profile run of 2026-12-01T10:00:00Z sent the mix user 70%, io 20%, cpu 10%, not the"
                + " profile's user 60%, io 40%; measured io with 50 ms, not the profile's 100 ms: its figures answer that run's"
                + " requests, not this profile's.");
        // its cells are still what there is to go by
        assertThat(row(a, "django-gunicorn").mixForm()).isTrue();
        // the shares alone
        assertThat(Advisor.mismatch(AdviseRuns.profile("mix: {user: 70%, io: 20%, cpu: 10%}\nioMillis: 80\npeak: 10\np99: 1s\n"),
                AdviseRuns.mixLadder().run().plan())).contains("measured io with 50 ms, not the profile's 80 ms");
    }

    @Test
    void anOlderPerWorkloadRunIsStillReadAndTheAdviceSaysWhichFormItUsed() {
        Advice old = Advisor.advise(AdviseRuns.profile(AdviseRuns.MIX_API), List.of(AdviseRuns.fixture()));
        assertThat(old.ranked()).noneMatch(ContestantAdvice::mixForm);
        // django per workload: user 400, io 25, cpu at no level under 200 ms? cpu meets 200 at 25/s: the harmonic rule
        assertThat(row(old, "django-gunicorn").workloads()).extracting(ContestantAdvice.WorkloadCapacity::workload)
                .containsExactly("user", "io", "cpu");
        assertThat(old.notes()).anyMatch(n -> n.startsWith("Capacity from the per-workload cells"))
                .contains("The advise-fixture run of 2026-11-20T09:00:00Z does not record the io delay (run.json before schema 4):"
                        + " this advice assumes it measured io with 50 ms, as the profile says.");
        // both directories: the contestants of the mix run by its cells, the others by their workloads
        Advice both = Advisor.advise(AdviseRuns.profile(AdviseRuns.MIX_API), List.of(AdviseRuns.mixLadder(), AdviseRuns.fixture()));
        assertThat(row(both, "django-gunicorn").mixForm()).isTrue();
        assertThat(row(both, "django-gunicorn").fit().orElseThrow().cores()).isEqualTo(10);
        assertThat(row(both, "express").mixForm()).isFalse();
        assertThat(both.notes()).anyMatch(n -> n.startsWith("Capacity from the mix cells: ") && n.contains(", for fastify,"
                + " fastapi-uvicorn, django-gunicorn; from the per-workload cells") && n.endsWith(", for express, flask-gunicorn."));
    }

    @Test
    void theMixesFractionsMatchWithinRounding() {
        assertThat(AdviseRuns.mixLadder().run().plan().mixFractions().get("io")).isCloseTo(0.2, Offset.offset(1e-12));
        assertThat(Advisor.describe(java.util.Map.of("io", 1.0 / 3))).isEqualTo("io 33.3%");
    }
}
