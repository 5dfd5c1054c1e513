package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.advise.ProfileTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact output, error text and exit code of {@code stackbench advise}. */
class AdviseCommandTest {
    /** The analysis module's advisor fixture (surefire runs in the module directory). */
    static final Path FIXTURES = Path.of("../analysis/src/test/resources/advise").toAbsolutePath().normalize();
    static final String RUN = FIXTURES.resolve("rate-curves").toString();
    static final String IO_HEAVY = FIXTURES.resolve("io-heavy.yaml").toString();
    /** A profile's run (the mix as one request mix) and its profile. */
    static final String MIX_RUN = FIXTURES.resolve("mix-ladder").toString();
    static final String MIX_API = FIXTURES.resolve("mix-api.yaml").toString();

    @TempDir
    Path tmp;

    @Test
    void advisePrintsTheRankingOfTheMeasuredStacksForTheProfile() {
        CliRun r = CliRun.of("advise", IO_HEAVY, RUN, "--locale", "en-US");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Stackbench advice: which stack for this profile\n")
                .contains(" 4  django-gunicorn  python         30.8 req/s")
                .contains("If the peak doubles (to 800 req/s): fastapi-uvicorn needs 1 core, express 1, fastify 1,"
                        + " django-gunicorn 34; first: fastapi-uvicorn (unchanged).");
    }

    @Test
    void aProfilesRunIsAdvisedFromItsMixCellsAndAnotherProfileIsToldTheRunDiffers() {
        CliRun r = CliRun.of("advise", MIX_API, MIX_RUN, "--locale", "en-US");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("3  django-gunicorn  python          140 req/s")
                .contains("== Capacity per core at the p99 target, the mix sent as one request mix ==")
                .contains("Capacity from the mix cells: every trial sent the profile's mix as one request mix");
        CliRun other = CliRun.of("advise", IO_HEAVY, MIX_RUN, "--locale", "en-US");
        assertThat(other.exitCode()).isZero();
        assertThat(other.out()).contains("The profile run of 2026-12-01T10:00:00Z sent the mix user 70%, io 20%, cpu 10%, not the"
                + " profile's io 80%, user 20%: its figures answer that run's requests, not this profile's.");
        // an older per-workload directory beside it: both read, each contestant by what there is
        CliRun both = CliRun.of("advise", MIX_API, MIX_RUN, RUN, "--locale", "en-US");
        assertThat(both.exitCode()).isZero();
        assertThat(both.out()).contains("; from the per-workload cells").contains("does not record the io delay");
    }

    @Test
    void runWithAProfileRefusesWorkloadsAndASuiteInOneLine() {
        CliRun w = CliRun.of("run", "--profile", MIX_API, "--workloads", "json");
        assertThat(w.exitCode()).isEqualTo(2);
        assertThat(w.err()).isEqualTo("stackbench: --profile and --workloads both given: a profile sends its mix as one request"
                + " mix; drop --workloads, or change the profile's mix\nTry 'stackbench run --help' for usage.\n");
        CliRun s = CliRun.of("run", "--profile", MIX_API, "--suite", "quick");
        assertThat(s.err()).isEqualTo("stackbench: --profile and --suite both given: a profile makes its own suite; drop one\n"
                + "Try 'stackbench run --help' for usage.\n");
    }

    @Test
    void jsonIsTheSameInEveryLocaleAndHtmlGoesNextToTheFirstRunUnlessTold() throws IOException {
        assertThat(CliRun.of("advise", IO_HEAVY, RUN, "--format", "json", "--locale", "de-DE").out())
                .isEqualTo(CliRun.of("advise", IO_HEAVY, RUN, "--format", "json", "--locale", "en-US").out())
                .contains("\"format\" : \"stackbench-advice\"");
        Path html = tmp.resolve("a/advice.html");
        CliRun r = CliRun.of("advise", IO_HEAVY, RUN, "--format", "html", "-o", html.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Chart.js v4.")
                .contains("<canvas data-chart=\"cost-vs-target\"");
    }

    @Test
    void initWritesTheCommentedTemplateAndNeverOverwrites() throws IOException {
        Path file = tmp.resolve("profile.yaml");
        CliRun r = CliRun.of("advise", "--init", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + file + ": edit it, then run: stackbench advise " + file
                + " results/<timestamp>-full\n");
        assertThat(Files.readString(file)).isEqualTo(ProfileTemplate.text());
        CliRun again = CliRun.of("advise", "--init", file.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(again.err()).isEqualTo("stackbench: " + file + " exists; --init never overwrites: pass another path or"
                + " remove it\nTry 'stackbench advise --help' for usage.\n");
        // the template advises as it is
        assertThat(CliRun.of("advise", file.toString(), RUN).exitCode()).isZero();
    }

    @Test
    void aMalformedProfileIsOneLineAndExitCode2() throws IOException {
        Path file = tmp.resolve("p.yaml");
        Files.writeString(file, "mix: {user: 70%, io: 20%}\npeak: 10\np99: 1s\n");
        CliRun r = CliRun.of("advise", file.toString(), RUN);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: profile '" + file + "': mix shares sum to 90% (user 70% + io 20%);"
                + " expected 100%\nTry 'stackbench advise --help' for usage.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingArgumentsAndFilesSayWhatToDo() {
        CliRun none = CliRun.of("advise");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("stackbench: advise needs a profile and at least one results directory, e.g."
                + " stackbench advise profile.yaml results/<timestamp>-full; write a profile with --init FILE\n"
                + "Try 'stackbench advise --help' for usage.\n");
        Path missing = tmp.resolve("nope.yaml");
        assertThat(CliRun.of("advise", missing.toString(), RUN).err()).isEqualTo("stackbench: no such profile: " + missing
                + " (write one with: stackbench advise --init " + missing + ")\nTry 'stackbench advise --help' for usage.\n");
        Path noRun = tmp.resolve("results/nope");
        CliRun r = CliRun.of("advise", IO_HEAVY, noRun.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: no such directory: " + noRun);
    }
}
