package dev.stackbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.claims.CatalogReader;
import dev.stackbench.analysis.claims.ClaimsJudge;
import dev.stackbench.analysis.claims.ClaimsReport;
import dev.stackbench.analysis.claims.Outcome;
import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Claims section of the seed-run fixture in every format, sealed by golden files
 * ({@code golden/claims-*}), judged against a small catalog with one claim of every kind
 * ({@code claims/golden-catalog.yaml}). Update as {@link GoldenFilesTest} says.
 */
class ClaimsGoldenTest {
    @TempDir
    static Path tmp;
    static ClaimsReport report;
    static Analysis analysis;
    final Locale savedDefault = Locale.getDefault();

    @BeforeAll
    static void judge() {
        analysis = FixtureReports.analyse(Fixtures.SEED_RUN, tmp.resolve("a"));
        report = ClaimsJudge.judge(CatalogReader.read(Path.of("src/test/resources/claims/golden-catalog.yaml")), analysis);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void text(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claims-" + tag + ".txt", GoldenFilesTest.reports(tag).claims(Format.TEXT, report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void markdown(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claims-" + tag + ".md", GoldenFilesTest.reports(tag).claims(Format.MD, report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void html(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claims-" + tag + ".html", GoldenFilesTest.reports(tag).claims(Format.HTML, report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void jsonIsTheSameInEveryLocale(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claims.json", GoldenFilesTest.reports(tag).claims(Format.JSON, report));
    }

    @Test
    void theFixtureGivesEveryVerdictKind() {
        assertThat(report.counts()).containsExactly(java.util.Map.entry(Outcome.HOLDS, 4L),
                java.util.Map.entry(Outcome.FAILS, 2L), java.util.Map.entry(Outcome.DEPENDS, 1L),
                java.util.Map.entry(Outcome.INCONCLUSIVE, 3L), java.util.Map.entry(Outcome.NOT_MEASURABLE, 1L),
                java.util.Map.entry(Outcome.NOT_A_PERFORMANCE_CLAIM, 1L));
    }

    @Test
    void aClaimWithoutALevelReadsTheClosedLevelsForThroughputAndEveryLevelForP99() {
        String catalog = "version: 1\nseeds: [000_a.txt]\ngroups:\n  fastify: {frameworks: [Fastify]}\n"
                + "  django: {frameworks: [Django]}\nclaims:\n"
                + "  - {id: 000-rps, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: fastify, b: django,"
                + " quantity: throughput, rule: {above: 1.0}}\n"
                + "  - {id: 000-p99, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: fastify, b: django,"
                + " quantity: p99, rule: {above: 1.0}}\n";
        ClaimsReport r = ClaimsJudge.judge(CatalogReader.parse(catalog, "test"), analysis);
        assertThat(r.verdict("000-rps").orElseThrow().evidence()).extracting(e -> e.level()).containsExactly("c100", "c1000");
        assertThat(r.verdict("000-p99").orElseThrow().evidence()).extracting(e -> e.level())
                .containsExactly("c100", "c1000", "r500", "r2000");
    }

    @Test
    void theRepositoryCatalogRendersOneBlockPerClaim() {
        ClaimsReport full = ClaimsJudge.judge(CatalogReader.read(Path.of("../../claims/claims.yaml")), analysis);
        String text = new Reports(Locale.US, FixtureReports.STUB_LIBRARY).claims(Format.TEXT, full);
        assertThat(text.lines().filter(l -> l.startsWith("  verdict: ")).count()).isEqualTo(full.verdicts().size());
        assertThat(full.verdicts()).hasSize(365);
    }
}
