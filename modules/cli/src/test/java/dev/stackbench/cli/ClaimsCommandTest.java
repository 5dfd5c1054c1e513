package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact output, error text and exit code of {@code stackbench claims}. */
class ClaimsCommandTest {
    /** The repository's catalog (surefire runs in modules/cli). */
    static final String CATALOG = Path.of("../../claims/claims.yaml").toString();

    @TempDir
    Path tmp;

    @Test
    void printsOneBlockPerClaimOfTheCatalog() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        CliRun r = CliRun.of("claims", dir.toString(), "--catalog", CATALOG, "--locale", "en-US");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Stackbench claims: suite seed-table, complete, started 2025-03-01T10:00:00Z\n365 claims from 4 articles: ")
                .contains("[002-047-cpu] \"CPU-bound workloads: Node.js is faster for single-threaded computation…\" (002)\n"
                        + "  verdict: inconclusive on this run: the run has no cpu c100 cells (stackbench run --suite claims)\n")
                .contains("[002-table-fastify] \"| Fastify (Node) | ~45,000 | 22ms |\" (002)\n  verdict: holds: ");
        assertThat(r.out().lines().filter(l -> l.startsWith("  verdict: ")).count()).isEqualTo(365);
    }

    @Test
    void jsonIsTheSameInEveryLocaleAndHtmlGoesToTheResultsDirectory() throws IOException {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        assertThat(CliRun.of("claims", dir.toString(), "--catalog", CATALOG, "--format", "json", "--locale", "de-DE").out())
                .isEqualTo(CliRun.of("claims", dir.toString(), "--catalog", CATALOG, "--format", "json", "--locale", "en-US").out())
                .startsWith("{\n  \"format\" : \"stackbench-claims\",\n  \"formatVersion\" : 1,");
        CliRun html = CliRun.of("claims", dir.toString(), "--catalog", CATALOG, "--format", "html");
        assertThat(html.out()).isEqualTo("wrote " + dir.resolve("claims.html") + "\n");
        assertThat(Files.readString(dir.resolve("claims.html"))).startsWith("<!DOCTYPE html>").contains("<table class=\"claims\">");
    }

    @Test
    void aBrokenCatalogIsOneLineAndExitTwo() throws IOException {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nseeds: [000_a.txt]\ngroups:\n  node: {language: javascript}\nclaims:\n"
                + "  - {id: 000-x, seed: 000_a.txt, kind: not-performance, reason: r}\n");
        CliRun r = CliRun.of("claims", dir.toString(), "--catalog", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("stackbench: claims file '" + bad + "': missing field 'claims[0].quote'; expected the"
                + " sentence exactly as the article writes it\nTry 'stackbench claims --help' for usage.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingCatalogOrResultsDirectorySaysWhatToDo() {
        Path dir = Fixtures.copy(Fixtures.SEED_RUN, tmp);
        Path none = tmp.resolve("none.yaml");
        CliRun r = CliRun.of("claims", dir.toString(), "--catalog", none.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("stackbench: no claims catalog at " + none
                + " (expected claims/claims.yaml of the Stackbench checkout); name one with --catalog FILE\n");
        CliRun nope = CliRun.of("claims", tmp.resolve("nope").toString(), "--catalog", CATALOG);
        assertThat(nope.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(nope.err()).startsWith("stackbench: no such directory: " + tmp.resolve("nope"));
    }

    @Test
    void theDefaultCatalogIsTheCheckoutsOwn() {
        assertThat(ClaimsCommand.defaultCatalog("/opt/stackbench")).isEqualTo(Path.of("/opt/stackbench/claims/claims.yaml"));
        assertThat(ClaimsCommand.defaultCatalog(null)).isEqualTo(Path.of("claims/claims.yaml"));
    }
}
