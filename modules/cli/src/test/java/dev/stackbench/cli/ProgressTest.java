package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress lines speak the report's dialect: {@code 14,041 req/s}, {@code p99 4.06 ms}, {@code 74.4 MiB}. */
class ProgressTest {
    private static final String CLEAR = "\r\033[2K";

    private static Trial trial() {
        return new Trial("express", "json", new LoadLevel.Closed(100), 1, 3, 42_124, 14_041.4,
                new Percentiles(412, 900, 2_000, 4_060, 9_000, 12_000, 20_000, 700, 300, 42_124, 0), null,
                new Errors(0, 0, 0, 0, Map.of()), new ServerUsage(0.97, 70L << 20, (long) (74.4 * (1 << 20))),
                new GeneratorHealth(0.4, null, 14_041.4, 0, 0, false, null), "logs/x.hlog");
    }

    @Test
    void aFinishedTrialIsOneLineInTheReportsUnits() {
        StringWriter out = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(out), false, 2);
        progress.trialStarted("express", "json", "100 connections", 1, 1);
        progress.interval(new IntervalSample(0, 1, 14_041, 0, 4_060), null, null, 4_060);
        progress.trialFinished(trial(), true);
        assertThat(out.toString()).isEqualTo("  express json 100 connections trial 1/1         14,041 req/s"
                + "  p50    412 µs  p99   4.06 ms  errors 0  server 0.97 cores, 74.4 MiB RSS\n");
    }

    @Test
    void onATerminalTheLiveLineShowsTheBarTheRateAndP99() {
        StringWriter out = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(out), true, 2);
        progress.trialStarted("express", "json", "100 connections", 1, 1);
        progress.warmingUp(1, 3);
        progress.interval(new IntervalSample(0, 1, 14_041, 0, 4_060), null, null, 4_060);
        assertThat(out.toString()).isEqualTo(
                CLEAR + "[--------------------] 0/2 ETA ?  express json 100 connections trial 1/1  warming up"
                + CLEAR + "[--------------------] 0/2 ETA ?  express json 100 connections trial 1/1  warming up 1s/3s"
                + CLEAR + "[--------------------] 0/2 ETA ?  express json 100 connections trial 1/1  14,041 req/s  p99 4.06 ms");
    }

    @Test
    void loadsLiveLineUsesTheSameUnits() {
        StringWriter err = new StringWriter();
        LiveProgress live = new LiveProgress(new PrintWriter(err), Duration.ofSeconds(90));
        live.warmingUp(2, 5);
        live.interval(new IntervalSample(64, 1, 14_041, 3, 4_060), null, null, 4_060);
        live.interval(new IntervalSample(89, 1, 14_041, 0, 4_060), null, null, 4_060);
        assertThat(err.toString()).isEqualTo(CLEAR + "  warming up 2s / 5s (not recorded)"
                + CLEAR + "    1m5s / 1m30s         14,041 req/s   p99 4.06 ms   errors 3"
                + CLEAR);
    }
}
