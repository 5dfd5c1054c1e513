package dev.stackbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.results.Run;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Facts every format must carry, beyond the byte-for-byte golden files. */
class ReportRulesTest {
    @TempDir
    static Path tmp;
    static Analysis a;
    static Analysis b;
    final Reports reports = new Reports(Locale.US, FixtureReports.STUB_LIBRARY);

    @BeforeAll
    static void analyse() {
        a = FixtureReports.analyse(Fixtures.SEED_RUN, tmp.resolve("a"));
        b = FixtureReports.analyse(Fixtures.SEED_RUN_B, tmp.resolve("b"));
    }

    /** The fixture's drift reference varies by 5.8%: every format says so, with the figure. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatWarnsOfDriftWithTheFigure(Format format) {
        String out = reports.render(format, a);
        if (format == Format.JSON) {
            assertThat(out).contains("\"drift\" : {").contains("\"cv\" : 0.0575").contains("\"exceeded\" : true");
        } else {
            assertThat(out).contains("WARNING: the machine")
                    .contains("varied by 5.8% (coefficient of variation) over 5 measurements");
        }
        assertThat(reports.render(format, b)).doesNotContain("WARNING: the machine");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "MD", "HTML"})
    void humanFormatsShowRoundsSeedMonitorAndTheRules(Format format) {
        String out = reports.render(format, a);
        assertThat(out).contains("Rounds: 5, every cell once per round, order shuffled per round (seed 20250301)")
                .contains("Server monitor: cgroup")
                .contains("X express: 1 of 5 trials not ranked: contestant crashed: killed by SIGKILL (trial 3).")
                .contains("not ranked: django-gunicorn: 5 of 5 trials not ranked: error rate 19.0% &gt; 5%"
                        .replace("&gt;", format == Format.HTML ? "&gt;" : ">"))
                .contains("n/a (n=5,000)")
                .contains("≥ 5.01 s")
                .contains("DB CPU")
                .contains("crashed: killed by SIGKILL during json c1000 trial 3");
    }

    /** Two trials in B: no verdict, and the line says why; never "faster". */
    @Test
    void compareWithTooFewTrialsSaysWhyAndGivesNoVerdict() {
        Run r = b.run();
        Run two = new Run(r.schemaVersion(), r.suite(), r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(), r.trials().stream().filter(t -> t.trial() <= 2).toList(),
                r.reference());
        Comparison c = Comparison.of(a, Analyzer.analyze(two, t -> Optional.empty(), AnalysisSettings.DEFAULTS),
                AnalysisSettings.DEFAULTS);
        String text = reports.compare(Format.TEXT, c);
        assertThat(text).contains("express: no verdict: A has 5 ranked trials, B 2; a verdict needs 3 on each side.")
                .doesNotContainPattern("\\) +(faster|slower|same|unsure)\\b").contains("no verdict");
        assertThat(reports.compare(Format.JSON, c)).contains("\"reason\" : \"tooFewTrials\"");
        assertThat(List.of(reports.compare(Format.MD, c))).allMatch(md -> md.contains("- express: no verdict"));
    }

    /** A schema-1 run (not interleaved, no reference) still renders, and says what it lacks. */
    @Test
    void aSchema1RunSaysItWasNotInterleaved() throws java.io.IOException {
        String json;
        try (java.io.InputStream in = ReportRulesTest.class.getResourceAsStream("/v1/seed-run.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Analysis v1 = Analyzer.analyze(new dev.stackbench.results.RunCodec().read(json, "v1"), t -> Optional.empty(),
                AnalysisSettings.DEFAULTS);
        assertThat(reports.render(Format.TEXT, v1))
                .contains("Rounds: not interleaved (a schema-1 run measured each cell's trials back to back;")
                .contains("Drift reference: not measured in this run.")
                .contains("Server monitor: proc (/proc sampled over the process tree: summed RSS).");
    }
}
