package dev.stackbench.runner;

import dev.stackbench.lab.contestant.TrialUsage;
import dev.stackbench.loadgen.OpenFileLimitException;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.ws.Publisher;
import dev.stackbench.loadgen.ws.PublisherUnavailableException;
import dev.stackbench.loadgen.ws.WsErrors;
import dev.stackbench.loadgen.ws.WsLoadGenerator;
import dev.stackbench.loadgen.ws.WsMessage;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import dev.stackbench.results.TrialLogs;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.HdrHistogram.Histogram;

/**
 * One {@code realtime} trial: the WebSocket fan-out engine against the contestant's {@code /ws}
 * (the subscribers held open, one publisher connection of its own on the same endpoint, as
 * docs/api.md's broadcast rule allows), and its outcome as a {@link Trial} with a
 * {@link TrialDetail.Fanout}. Deliveries stand where an HTTP trial has responses (see
 * {@link TrialDetail.Fanout} for the mapping).
 *
 * <p>Validity beyond the trial runner's rules: a trial where fewer than
 * {@value #MIN_CONNECTED_PERCENT}% of the subscribers connected measured another level than asked,
 * and one whose publisher could not connect measured nothing: both are invalid, with the reason.
 */
final class FanoutTrial {
    /**
     * The fan-out's timeout (each connection's connect + upgrade, and the wait for the last
     * deliveries after the window), at most: a delivery later than this after the window is
     * counted missing. Keeps a trial whose server drops deliveries from waiting the suite's
     * request timeout.
     */
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(2);
    /** Below this share of the subscribers connected, the trial is invalid. */
    static final int MIN_CONNECTED_PERCENT = 99;

    private FanoutTrial() {
    }

    /** @return the spec of a trial of {@code level} against {@code base}'s {@code /ws} */
    static WsSpec spec(URI base, LoadLevel.Fanout level, Duration warmup, Duration duration, Duration timeout, int generatorThreads) {
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws");
        return WsSpec.builder(ws).connections(level.subscribers()).threads(Math.max(1, Math.min(generatorThreads, level.subscribers())))
                .warmup(warmup).duration(duration).timeout(timeout.compareTo(MAX_TIMEOUT) < 0 ? timeout : MAX_TIMEOUT)
                .pattern(new WsPattern.FanOut(new Publisher.Socket(null), level.publishPerSecond()))
                .message(WsMessage.defaults()).build();
    }

    /**
     * Runs the fan-out; a publisher that cannot connect, or an open-file limit too low for the
     * subscribers, gives an empty result (the trial is then invalid with that reason).
     *
     * @return the result, or the reason there is none
     */
    static Ran run(WsSpec spec, ProgressListener listener) throws InterruptedException, IOException {
        try {
            return new Ran(new WsLoadGenerator(spec).run(listener), null);
        } catch (PublisherUnavailableException | OpenFileLimitException e) {
            return new Ran(null, e.getMessage());
        } catch (SSLException e) {
            throw new IOException("no TLS context for " + spec.target() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What running the fan-out gave.
     *
     * @param result  the outcome, or null when it could not run
     * @param failure why it could not run (one line), or null
     */
    record Ran(WsResult result, String failure) {
    }

    /** @return the trial as recorded; {@code invalid} gets this trial kind's own reasons */
    static Trial trial(Ran ran, String id, LoadLevel.Fanout level, int round, Instant started, Duration planned, double warmupSeconds,
                       TrialUsage used, List<String> invalid) {
        List<String> reasons = new ArrayList<>(invalid);
        ServerUsage server = new ServerUsage(used.contestant().cpuCores(), null, used.contestant().meanRssBytes(),
                used.contestant().peakRssBytes(), used.contestant().source().toString());
        String log = TrialLogs.relativePath(id, "realtime", level, round);
        WsResult r = ran.result();
        if (r == null || r.connectionsOpen() == 0) {
            reasons.add(r == null ? "no fan-out: " + ran.failure()
                    : "no fan-out: none of the " + level.subscribers() + " subscribers connected to /ws");
            Percentiles none = Percentiles.of(new Histogram(3));
            long failed = r == null ? 0 : r.errors().connectionFailures();
            return new Trial(id, "realtime", level, round, round, started, planned.toNanos() / 1e9, warmupSeconds, 0, 0, 0, none, null,
                    null, new Errors(failed, 0, 0, 0, Map.of()), server,
                    new GeneratorHealth(0, level.publishPerSecond(), 0, 0, 0, false, null), reasons, log,
                    new TrialDetail.Fanout(0, 0, 0, 0, none));
        }
        WsErrors e = r.errors();
        if (r.connectionsOpen() * 100L < (long) MIN_CONNECTED_PERCENT * level.subscribers()) {
            reasons.add(String.format(Locale.ROOT, "only %,d of %,d subscribers connected (%d%% needed)", r.connectionsOpen(),
                    level.subscribers(), MIN_CONNECTED_PERCENT));
        }
        dev.stackbench.loadgen.GeneratorHealth h = r.health();
        GeneratorHealth health = new GeneratorHealth(h.processCpuUtilization(), h.targetRate(), h.achievedRate(), h.lateSends(),
                h.maxSendLagMicros(), h.hiccupMaxMicros(), h.sendLagP99Micros(), h.stealFraction(), false, h.cpuBound(),
                h.warnings().isEmpty() ? null : String.join("; ", h.warnings()), h.lagged());
        // a missing delivery is a timeout (owed, never received within one timeout after the window);
        // a subscriber the server dropped is a read error; a message the publisher could not send a write error
        Errors errors = new Errors(e.connectionFailures(), e.closedByPeer(), e.publishFailed(), r.missing(), Map.of());
        return new Trial(id, "realtime", level, round, round, started, r.measuredSeconds(), warmupSeconds, r.received(),
                r.receiveRate(), 0, Percentiles.of(r.latencyHistogram()), null, null, errors, server, health, reasons, log,
                new TrialDetail.Fanout(r.connectionsOpen(), r.sent(), r.missing(), r.incompleteMessages(),
                        Percentiles.of(r.lastDeliveryHistogram())));
    }
}
