package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Thresholds on known figures, and on a stub server's run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThresholdTest {

    private static LatencySummary latency(long... micros) {
        Histogram h = new Histogram(1, 10_000_000, 3);
        for (long m : micros) {
            h.recordValue(m);
        }
        return LatencySummary.of(h);
    }

    @Test
    void latencyErrorRateAndRateThresholdsCompareTheKnownValues() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (i + 1) * 1000; // 1 ms .. 100 ms: p99 is 99 ms
        }
        ThresholdCheck.Figures f = new ThresholdCheck.Figures(latency(values), 1, 970, 1000);
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P99, Threshold.Operator.LT, 100_000), f).passed()).isTrue();
        ThresholdResult p99 = ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P99, Threshold.Operator.LT, 99_000), f);
        assertThat(p99.passed()).isFalse();
        assertThat(p99.actual()).as("99 ms at HdrHistogram's 3 digits").isBetween(99_000.0, 99_100.0);
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.ERRORS, Threshold.Operator.LE, 0.01), f).passed()).isTrue();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.ERRORS, Threshold.Operator.LT, 0.01), f).passed()).isFalse();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.RATE, Threshold.Operator.GE, 0.97), f).passed()).isTrue();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.RATE, Threshold.Operator.GE, 0.98), f).actual()).isEqualTo(0.97);
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.RPS, Threshold.Operator.GT, 969), f).passed()).isTrue();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P50, Threshold.Operator.LT, 1),
                new ThresholdCheck.Figures(latency(), 0, 0, 0)).passed()).as("nothing measured fails").isFalse();
    }

    @Test
    void censoredValuesPassAnUpperBoundThresholdOnlyWhenTheyCouldNotChangeIt() {
        // 98 responses at 1 ms and 2 censored at 5 ms: p99 (rank 99 of 100) is among the censored values
        Histogram all = new Histogram(1, 10_000_000, 3);
        Histogram censored = new Histogram(1, 10_000_000, 3);
        Histogram responses = new Histogram(1, 10_000_000, 3);
        for (int i = 0; i < 98; i++) {
            all.recordValue(1000);
            responses.recordValue(1000);
        }
        for (int i = 0; i < 2; i++) {
            all.recordValue(5000);
            censored.recordValue(5000);
        }
        ThresholdCheck.Figures f = new ThresholdCheck.Figures(LatencySummary.of(all, censored), 2, 0, 0, responses);
        ThresholdResult p99 = ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P99, Threshold.Operator.LT, 1_000_000), f);
        assertThat(p99.lowerBound()).isTrue();
        assertThat(p99.passed()).as("the censored values could lie beyond 1 s").isFalse();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P99, Threshold.Operator.GE, 5000), f).passed())
                .as("a lower bound at the bound: the true value is at least it").isTrue();
        // p90 (rank 90) stays among the responses whatever the censored values are
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.P90, Threshold.Operator.LT, 2000), f).passed()).isTrue();
        assertThat(ThresholdCheck.evaluate(new Threshold("", Threshold.Metric.MAX, Threshold.Operator.LT, 1_000_000), f).passed()).isFalse();
    }

    @Test
    void thresholdsPrintAsTheyAreWritten() {
        assertThat(new Threshold("", Threshold.Metric.P99, Threshold.Operator.LT, 50_000)).hasToString("p99<50ms");
        assertThat(new Threshold("json", Threshold.Metric.P999, Threshold.Operator.LE, 500)).hasToString("json:p99.9<=500us");
        assertThat(new Threshold("", Threshold.Metric.ERRORS, Threshold.Operator.LT, 0.001)).hasToString("errors<0.1%");
        assertThat(new Threshold("", Threshold.Metric.RATE, Threshold.Operator.GE, 0.97)).hasToString("rate>=0.97");
    }

    @Test
    void aSpecRejectsAThresholdOnAKindTheMixLacks() {
        assertThatThrownBy(() -> LoadSpec.builder(URI.create("http://h/")).requests(List.of(new RequestKind("json", "GET", "/json")))
                .thresholds(List.of(new Threshold("cpu", Threshold.Metric.P99, Threshold.Operator.LT, 1000))).build())
                .hasMessage("threshold 'cpu:p99<1ms' names the request kind 'cpu', which the mix does not have; expected one of json");
    }

    @Test
    void perKindThresholdsSeeOnlyTheirKind() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(30))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/"))
                    .requests(List.of(new RequestKind("a", "GET", "/a"), new RequestKind("b", "GET", "/b")))
                    .thresholds(List.of(new Threshold("a", Threshold.Metric.P50, Threshold.Operator.GE, 29_000),
                            new Threshold("b", Threshold.Metric.P50, Threshold.Operator.LT, 1000),
                            new Threshold("", Threshold.Metric.ERRORS, Threshold.Operator.LT, 0.01)))
                    .connections(2).threads(1).duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);
            assertThat(r.thresholds()).extracting(ThresholdResult::passed).containsExactly(true, false, true);
            assertThat(r.thresholdsPassed()).isFalse();
            assertThat(r.aborted()).isFalse();
        }
    }

    @Test
    void abortOnFailEndsTheWindowAfterTheFirstFailingSecond() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Status(500))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(1).threads(1)
                    .thresholds(List.of(new Threshold("", Threshold.Metric.ERRORS, Threshold.Operator.LT, 0.5))).abortOnFail(true)
                    .duration(Duration.ofSeconds(30)).build()).run(ProgressListener.NONE);
            assertThat(r.aborted()).isTrue();
            assertThat(r.measuredSeconds()).isBetween(0.9, 10.0);
            assertThat(r.thresholds().get(0).actual()).isEqualTo(1.0);
            assertThat(r.errors().status()).containsKey(500);
            assertThat(Map.copyOf(r.errors().status()).get(500)).isEqualTo(r.latency().count());
        }
    }
}
