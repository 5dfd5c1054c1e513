package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code stackbench serve} over the lab's fake contestants (no database: they implement user without one). */
class ServeCommandTest {
    private static final String DIR = CliRun.FAKE_CONTESTANTS.toString();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void servesAVerifiedContestantUntilInterruptedThenStopsIt() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("serve", "--contestants-dir", DIR, "good")));
        serve.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!out.toString().contains("serving;") && serve.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).as(out + err.toString()).contains("serving; press Ctrl-C to stop them all.");
        Matcher url = Pattern.compile("(?m)^good +(http://127\\.0\\.0\\.1:\\d+) +\\d+ +[\\d.]+ (µs|ms|s)$").matcher(out.toString());
        assertThat(url.find()).as(out.toString()).isTrue();
        assertThat(out.toString()).containsPattern("(?m)^CONTESTANT +URL +WORKERS +READY IN$");

        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "/json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("Hello, World!");

        serve.interrupt();
        serve.join(20_000);
        assertThat(serve.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(out.toString()).endsWith("stopped.\n");
        // the contestant is gone with the command
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("spec_server.py") && c.contains("--escapee") && c.contains(DIR))).isEmpty();
    }

    @Test
    void aContestantThatFailsVerificationIsNotServed() {
        CliRun run = CliRun.of("serve", "--contestants-dir", DIR, "wrong-body");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(run.out()).contains("not served: wrong-body: failed verification: GET /json");
        assertThat(run.err()).startsWith("stackbench: no contestant could be served; logs: ");
    }
}
