package dev.stackbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void opensTheFixtureAndReadsItsIntervalLogs() {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(Fixtures.SEED_RUN, tmp));
        Run run = dir.run();
        assertThat(run.suite()).isEqualTo("seed-table");
        assertThat(run.trials()).hasSize(160);
        Trial open = run.trials().stream()
                .filter(t -> t.contestant().equals("django-gunicorn") && t.level().equals(new LoadLevel.Open(2000)))
                .findFirst().orElseThrow();
        TrialLogs.Histograms h = dir.histograms(open).orElseThrow();
        // the summary in run.json was computed from the same intervals
        assertThat(h.latency().getValueAtPercentile(99)).isEqualTo(open.latencyMicros().p99());
        assertThat(h.serviceTime()).get().extracting(s -> s.getValueAtPercentile(99))
                .isEqualTo(open.serviceTimeMicros().p99());
        // saturated open model: latency from the intended send time is far above the service time
        assertThat(open.latencyMicros().p99()).isGreaterThan(10 * open.serviceTimeMicros().p99());
        // requests never sent are censored values in the histogram, not dropped
        assertThat(open.unsent()).isPositive();
        assertThat(open.latencyMicros().censored()).isGreaterThanOrEqualTo(open.unsent());
        assertThat(h.latency().getTotalCount()).isEqualTo(open.latencyMicros().count()).isEqualTo(20_000);
        Trial errors = run.trials().stream().filter(t -> t.errorLatencyMicros() != null).findFirst().orElseThrow();
        assertThat(dir.histograms(errors).orElseThrow().errorLatency()).get()
                .extracting(org.HdrHistogram.Histogram::getTotalCount).isEqualTo(errors.errorLatencyMicros().count());
    }

    @Test
    void aMissingLogIsEmptyNotAnError() {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(Fixtures.SEED_RUN_B, tmp));
        assertThat(dir.histograms(dir.run().trials().get(0))).isEmpty();
    }

    @Test
    void aMissingDirectoryIsNotFound() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> ResultsDirectory.open(missing))
                .hasMessage("no such directory: " + missing + " (expected a results directory like results/<timestamp>-<suite>/)")
                .extracting(e -> ((ResultsFormatException) e).kind())
                .isEqualTo(ResultsFormatException.Kind.NOT_FOUND);
    }

    @Test
    void aDirectoryWithoutRunJsonIsNotAResultsDirectory() {
        assertThatThrownBy(() -> ResultsDirectory.open(tmp))
                .hasMessage(tmp + " is not a results directory: it has no run.json"
                        + " (results directories look like results/<timestamp>-<suite>/)")
                .extracting(e -> ((ResultsFormatException) e).kind())
                .isEqualTo(ResultsFormatException.Kind.NOT_A_RESULTS_DIRECTORY);
    }

    @Test
    void aLogPathLeavingTheDirectoryIsRejected() {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(Fixtures.SEED_RUN, tmp));
        Trial t = dir.run().trials().get(0);
        Trial evil = new Trial(t.contestant(), t.workload(), t.level(), t.trial(), t.durationSeconds(), t.requests(),
                t.throughputPerSecond(), t.latencyMicros(), t.serviceTimeMicros(), t.errors(), t.server(),
                t.generator(), "../../etc/passwd");
        assertThatThrownBy(() -> dir.histograms(evil)).hasMessageContaining("leaves the results directory");
    }

    @Test
    void theWriterLaysOutADirectoryTheReaderOpens() throws IOException {
        Instant started = Instant.parse("2025-03-01T10:00:00Z");
        ResultsWriter writer = ResultsWriter.create(tmp.resolve("results"), started, "quick");
        assertThat(writer.path()).isEqualTo(tmp.resolve("results/20250301T100000Z-quick"));
        assertThat(writer.logs()).isDirectory();
        Run run = RunCodecTest.sample(List.of(RunCodecTest.contestant("a", new ContestantStatus.Measured())));
        Trial trial = run.trials().get(0);
        Path log = writer.trialLog("a", "json", trial.level(), 1);
        assertThat(writer.path().relativize(log).toString().replace('\\', '/')).isEqualTo(trial.histogramLog());
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i);
        }
        try (var out = Files.newOutputStream(log)) {
            HistogramLogWriter w = TrialLogs.startLog(out, started, "a json c100 trial 1");
            w.outputIntervalHistogram(0, 1, h, TrialLogs.MAX_VALUE_UNIT_RATIO);
            w.outputIntervalHistogram(1, 2, h, TrialLogs.MAX_VALUE_UNIT_RATIO);
        }
        writer.writeRun(run);
        ResultsDirectory dir = ResultsDirectory.open(writer.path());
        assertThat(dir.run()).isEqualTo(run);
        Histogram back = dir.histograms(trial).orElseThrow().latency();
        assertThat(back.getTotalCount()).isEqualTo(2000);
        assertThat(back.getValueAtPercentile(50)).isEqualTo(500);
        assertThat(Files.readString(log)).contains("#[BaseTime: 1740823200.000 (seconds since epoch)]");
    }

    @Test
    void aMixsKindIntervalsAreReadApartAndAMixTrialsCurveIsItsFirstKinds() throws IOException {
        Instant started = Instant.parse("2025-03-01T10:00:00Z");
        Histogram json = new Histogram(3);
        Histogram cpu = new Histogram(3);
        for (int i = 1; i <= 95; i++) {
            json.recordValue(1_000);
        }
        for (int i = 1; i <= 5; i++) {
            cpu.recordValue(50_000);
        }
        Histogram both = json.copy();
        both.add(cpu);
        Path log = tmp.resolve("mix.hlog");
        try (var out = Files.newOutputStream(log)) {
            HistogramLogWriter w = TrialLogs.startLog(out, started, "a blocking r800 trial 1");
            w.outputIntervalHistogram(0, 1, both, TrialLogs.MAX_VALUE_UNIT_RATIO);
            json.setTag(TrialLogs.KIND_TAG_PREFIX + "json");
            w.outputIntervalHistogram(0, 1, json, TrialLogs.MAX_VALUE_UNIT_RATIO);
            cpu.setTag(TrialLogs.KIND_TAG_PREFIX + "cpu");
            w.outputIntervalHistogram(0, 1, cpu, TrialLogs.MAX_VALUE_UNIT_RATIO);
        }
        TrialLogs.Histograms h = TrialLogs.read(log);
        // the untagged interval alone is the whole mix: the kinds are not added to it a second time
        assertThat(h.latency().getTotalCount()).isEqualTo(100);
        assertThat(h.kinds()).containsOnlyKeys("cpu", "json");
        assertThat(h.kinds().get("json").getTotalCount()).isEqualTo(95);
        Trial plain = RunCodecTest.sample(List.of()).trials().get(0);
        assertThat(h.of(plain).getTotalCount()).isEqualTo(100);
        Percentiles p = Percentiles.of(json);
        Trial mix = new Trial(plain.contestant(), "blocking", plain.level(), 1, 1, null, 1, 0, 95, 95, 0, p, null, null, Errors.NONE,
                plain.server(), plain.generator(), List.of(), null, new TrialDetail.Mix(List.of(
                        new TrialDetail.Kind("json", "/json", 95, 95, 95, p, 0), new TrialDetail.Kind("cpu", "/cpu?n=1", 5, 5, 5, p, 0))));
        assertThat(h.of(mix).getTotalCount()).isEqualTo(95);
        assertThat(h.of(mix).getMaxValue()).isLessThan(50_000);
    }

    @Test
    void unsafeNamesAreRefused() {
        assertThatThrownBy(() -> ResultsWriter.directoryName(Instant.EPOCH, "../x"))
                .hasMessage("suite '../x' must be a file-name safe word (letters, digits, '.', '_', '-')");
    }

    @Test
    void levelLabelsAreFileNameSafe() {
        assertThat(new LoadLevel.Closed(1000).label()).isEqualTo("c1000");
        assertThat(new LoadLevel.Open(2000).label()).isEqualTo("r2000");
        assertThat(new LoadLevel.Open(2.5).label()).isEqualTo("r2.5");
        assertThat(new LoadLevel.Open(2000).describe()).isEqualTo("2000 req/s offered");
        assertThat(new LoadLevel.Closed(1).describe()).isEqualTo("1 connection");
    }
}
