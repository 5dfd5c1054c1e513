package dev.stackbench.lab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.proc.FreePort;
import dev.stackbench.lab.proc.ProcTable;
import dev.stackbench.lab.manifest.Workload;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    private final Catalog fakes = FakeContestants.catalog();

    @TempDir
    Path logs;

    private Verifier verifier(Duration readyTimeout) {
        return new Verifier(new ContestantLauncher(FakeContestants.settings(logs, readyTimeout)), new SpecVerifier());
    }

    @Test
    @Timeout(60)
    void aServerThatFollowsTheSpecPassesEveryCheck() {
        VerificationReport r = verifier(Duration.ofSeconds(20)).verify(fakes.manifest("good"));
        assertThat(r.failures()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.checks()).hasSize(21).extracting(CheckResult::check)
                .contains("GET /json", "GET /api/users/99999999999", "GET /io?ms=50", "GET /cpu?n=1000001");
        assertThat(r.startupMillis()).isPresent();
    }

    @Test
    @Timeout(60)
    void aWrongBodyFailsWithExpectedVersusGotAndTheTreeIsGoneAfterwards() throws Exception {
        VerificationReport r = verifier(Duration.ofSeconds(20)).verify(fakes.manifest("wrong-body"));
        assertThat(r.passed()).isFalse();
        // the ready path answers 200 whatever its body: it starts, then fails the check
        assertThat(r.failures()).containsExactly(new CheckResult.Failed("GET /json",
                "body: expected {\"message\":\"Hello, World!\"}, got {\"message\": \"Hello\"}"));
        long pid = pidOf("wrong-body");
        assertThat(ProcTable.snapshot().all()).noneMatch(s -> !s.zombie() && (s.pid() == pid || s.session() == pid));
        assertThat(FreePort.isFree(portOf("wrong-body"))).isTrue();
    }

    @Test
    @Timeout(30)
    void aContestantThatDoesNotStartIsReportedFailingWithTheReason() {
        VerificationReport r = verifier(Duration.ofSeconds(20)).verify(fakes.manifest("exits-at-once"));
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(VerificationReport.START);
            assertThat(f.reason()).contains("exit code 3").contains("boom: DB_URL is not set");
        });
    }

    @Test
    @Timeout(30)
    void aUrlWhereNothingListensIsOneFailureNotTwentyFour() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePort.pick());
        VerificationReport r = new SpecVerifier().verify("nobody", nobody, EnumSet.allOf(
                Workload.class));
        assertThat(r.failures()).containsExactly(
                new CheckResult.Failed("GET /json", "cannot connect to " + nobody),
                new CheckResult.Failed("GET (23 more)", "not checked: cannot connect to " + nobody));
    }

    @Test
    @Timeout(60)
    void withRealtimeListedAServerWithoutWsFailsOnlyTheWebSocketCheckWithTheStatus() throws Exception {
        ContestantLauncher launcher = new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)));
        try (RunningContestant good = launcher.start(fakes.manifest("good"))) {
            VerificationReport r = new SpecVerifier(Duration.ofSeconds(2)).verify("good", good.baseUri(),
                    EnumSet.of(Workload.JSON, Workload.REALTIME));
            assertThat(r.checks()).extracting(CheckResult::check).containsExactly("GET /json", "WS /ws broadcast");
            assertThat(r.failures()).containsExactly(new CheckResult.Failed("WS /ws broadcast",
                    "subscriber 1: upgrade refused: HTTP 404 for GET /ws; expected 101 Switching Protocols"));
        }
    }

    @Test
    void imfFixdateIsStrict() {
        assertThat(SpecVerifier.isImfFixdate("Sun, 06 Nov 1994 08:49:37 GMT")).isTrue();
        assertThat(SpecVerifier.isImfFixdate("Mon, 06 Nov 1994 08:49:37 GMT")).as("wrong weekday").isFalse();
        assertThat(SpecVerifier.isImfFixdate("Sunday, 06-Nov-94 08:49:37 GMT")).as("RFC 850").isFalse();
        assertThat(SpecVerifier.isImfFixdate("Sun, 6 Nov 1994 08:49:37 +0000")).isFalse();
    }

    private long pidOf(String id) throws Exception {
        Matcher m = Pattern.compile("as pid (\\d+)").matcher(Files.readString(logs.resolve(id + ".stdout.log")));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private int portOf(String id) throws Exception {
        Matcher m = Pattern.compile("serving on port (\\d+)").matcher(Files.readString(logs.resolve(id + ".stdout.log")));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
