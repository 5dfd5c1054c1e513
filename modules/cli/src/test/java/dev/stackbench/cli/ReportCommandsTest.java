package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact output, error text and exit code of {@code stackbench report} and {@code stackbench compare}. */
class ReportCommandsTest {
    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void reportPrintsTheTextTablesOfAResultsDirectory() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Result r = run("report", dir.toString(), "--locale", "en-US");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Stackbench report: suite seed-table, complete\n")
                .contains("== json — 1000 connections (closed model, ranked by req/s) ==")
                .contains("1  fastify          javascript  13,206  12,240–13,892              1.00×")
                .contains("X express: 1 of 5 trials not ranked: contestant crashed: killed by SIGKILL (trial 3).")
                .contains("WARNING: the machine's speed drifted during the run");
    }

    @Test
    void thresholdsGateTheCellsWithExitCode4AndNameEveryFailedCheck() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Result pass = run("report", dir.toString(), "--locale", "en-US", "--threshold", "rps>0");
        assertThat(pass.exitCode()).isZero();
        assertThat(pass.out()).contains("\nThresholds: ");
        Result r = run("report", dir.toString(), "--locale", "en-US", "--threshold", "json:rate>=0.97");
        assertThat(r.exitCode()).isEqualTo(ExitCode.THRESHOLD_FAILED.code());
        // the fixture's Django keeps 53% of 2000/s
        assertThat(r.out()).contains("\nThresholds: 7 of 8 checks passed (1 threshold x the cells each applies to)\n"
                + "  FAIL json:rate>=0.97  django-gunicorn json 2000 req/s offered: 0.532 (95% CI 0.503–0.549)\n");
        assertThat(r.err()).isEqualTo("stackbench: 1 of 8 threshold checks failed: json:rate>=0.97 (django-gunicorn json 2000 req/s offered)\n");
    }

    @Test
    void aThresholdOnAMetricRunsDoNotKeepStartsNothing() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Result r = run("report", dir.toString(), "--threshold", "p75<10ms");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("stackbench: --threshold 'p75<10ms': a run keeps no p75 per cell; expected one of p50, p90,"
                + " p99, p99.9, mean, errors, rate, rps\n");
    }

    @Test
    void localeChangesHumanNumbersButNotJson() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        assertThat(run("report", dir.toString(), "--locale", "de-DE").out()).contains("13.206  12.240–13.892");
        assertThat(run("report", dir.toString(), "--format", "json", "--locale", "de-DE").out())
                .isEqualTo(run("report", dir.toString(), "--format", "json", "--locale", "en-US").out())
                .contains("\"median\" : 13206.0");
    }

    @Test
    void htmlGoesToReportHtmlInTheResultsDirectoryByDefault() throws IOException {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Result r = run("report", dir.toString(), "--format", "html");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + dir.resolve("report.html") + "\n");
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>")
                .contains("Chart.js v4.").contains("<canvas data-chart=\"percentiles\"");
    }

    @Test
    void outputOptionWritesTheFile() throws IOException {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path md = tmp.resolve("out/REPORT.md");
        Result r = run("report", dir.toString(), "--format", "md", "--output", md.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(md)).startsWith("# Stackbench report: suite seed-table, complete");
    }

    @Test
    void aMissingDirectoryIsAUsageErrorWithTheWayOut() {
        Path missing = tmp.resolve("results/nope");
        Result r = run("report", missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: no such directory: " + missing
                + " (expected a results directory like results/<timestamp>-<suite>/)\n"
                + "Try 'stackbench report --help' for usage.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDirectoryWithoutRunJsonIsAUsageError() {
        Result r = run("report", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: " + tmp + " is not a results directory: it has no run.json"
                + " (results directories look like results/<timestamp>-<suite>/)\n"
                + "Try 'stackbench report --help' for usage.\n");
    }

    @Test
    void aNewerSchemaIsAnEnvironmentError() throws IOException {
        Files.writeString(tmp.resolve("run.json"), "{\"schemaVersion\": 7}");
        Result r = run("report", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ENVIRONMENT.code()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("stackbench: " + tmp.resolve("run.json") + " has schemaVersion 7 but this"
                + " Stackbench reads up to 4; use a newer Stackbench to read it\n");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Result r = run("report", tmp.toString(), "--format", "pdf");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: Invalid value for option '--format': unknown format 'pdf';"
                + " expected one of text, md, html, json\n");
    }

    @Test
    void compareShowsVerdictsPerCell() {
        Path a = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path b = Fixtures.copy(Fixtures.SEED_RUN_B, tmp);
        Result r = run("compare", a.toString(), b.toString(), "--locale", "en-US");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Stackbench comparison: B against A\n")
                .contains("  express frameworkVersion: 4.21.2 -> 5.0.1\n")
                .containsPattern("express +5,886 \\(5\\) +7,180 \\(3\\) +1\\.22× \\(1\\.18–1\\.25\\) +faster")
                .containsPattern("django-gunicorn +945 \\(5\\) +806 \\(3\\) +0\\.85× \\(0\\.82–0\\.87\\) +slower")
                .contains("same (within ±5%)").contains("unsure");
    }

    @Test
    void helpQuotesTheDefaultThresholds() {
        Result report = run("report", "--help");
        Result compare = run("compare", "--help");
        assertThat(report.err()).isEmpty();
        assertThat(compare.err()).isEmpty();
        assertThat(report.out().replaceAll("\\s+", " ")).contains("coefficient of variation of its trials is above 5%")
                .contains("error rate is above 5% are reported, never ranked");
        assertThat(compare.out().replaceAll("\\s+", " ")).contains("'same' when it lies within +-5%")
                .contains("fewer than 3 ranked trials")
                .contains("Exit codes: 0 done as asked 1 with --fail-on-regression: a cell of B is slower than A");
    }

    @Test
    void compareRefusesHtml() {
        Result r = run("compare", tmp.toString(), tmp.toString(), "--format", "html");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: compare writes text, md or json, not html;"
                + " for charts of one run use 'stackbench report DIR --format html'\n"
                + "Try 'stackbench compare --help' for usage.\n");
    }

    @Test
    void compareWithAMissingDirectoryNamesIt() {
        Path a = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path missing = tmp.resolve("b");
        Result r = run("compare", a.toString(), missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: no such directory: " + missing);
    }

    @Test
    void compareJsonIsForMachines() {
        Path a = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path b = Fixtures.copy(Fixtures.SEED_RUN_B, tmp);
        Result r = run("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(r.out()).startsWith("{\n  \"format\" : \"stackbench-comparison\",\n  \"formatVersion\" : 2,")
                .contains("\"verdict\" : \"faster\"").contains("\"reason\" : \"intervalContainsOne\"");
    }

    @Test
    void failOnRegressionExitsWithCheckFailedWhenACellIsSlower() {
        Path a = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path b = Fixtures.copy(Fixtures.SEED_RUN_B, tmp);
        Result r = run("compare", a.toString(), b.toString(), "--fail-on-regression");
        assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("stackbench: B is slower than A in at least one cell (--fail-on-regression)\n");
        assertThat(r.out()).contains("slower");
        // without the option a regression is reported, not an error
        assertThat(run("compare", a.toString(), b.toString()).exitCode()).isZero();
    }

    @Test
    void failOnRegressionPassesWhenNothingIsSlower() {
        Path a = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Result r = run("compare", a.toString(), a.toString(), "--fail-on-regression");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }
}
