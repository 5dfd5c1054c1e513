package dev.stackbench.report;

import static dev.stackbench.report.GoldenFilesTest.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.analysis.advise.Advice;
import dev.stackbench.analysis.advise.Advisor;
import dev.stackbench.analysis.advise.ProfileReader;
import dev.stackbench.results.ResultsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The advice in every format, from the analysis module's synthetic rate-curve fixture and two
 * profiles whose answers it knows, sealed by golden files {@code golden/advice-*}.
 * Update with {@code -Dstackbench.golden.update=true}, then read the diff.
 */
class AdviceGoldenFilesTest {
    /** The analysis module's fixture (surefire runs in the module directory). */
    static final Path FIXTURES = Path.of("../analysis/src/test/resources/advise");
    static Advice ioHeavy;
    static Advice cpuStrict;
    static Advice mixApi;
    final Locale savedDefault = Locale.getDefault();

    @BeforeAll
    static void advise() {
        ResultsDirectory dir = ResultsDirectory.open(FIXTURES.resolve("rate-curves"));
        var analysis = Analyzer.analyze(dir.run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
        ioHeavy = Advisor.advise(ProfileReader.read(FIXTURES.resolve("io-heavy.yaml")), List.of(analysis));
        cpuStrict = Advisor.advise(ProfileReader.read(FIXTURES.resolve("cpu-strict.yaml")), List.of(analysis));
        ResultsDirectory mix = ResultsDirectory.open(FIXTURES.resolve("mix-ladder"));
        mixApi = Advisor.advise(ProfileReader.read(FIXTURES.resolve("mix-api.yaml")),
                List.of(Analyzer.analyze(mix.run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS)));
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    static AdviceReports reports(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Locale.setDefault(locale);
        return new AdviceReports(locale, FixtureReports.STUB_LIBRARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void text(String tag) throws IOException {
        assertGolden("advice-io-heavy-" + tag + ".txt", reports(tag).render(Format.TEXT, ioHeavy));
    }

    @Test
    void textOfAProfileSomeCannotMeet() throws IOException {
        assertGolden("advice-cpu-strict-en-US.txt", reports("en-US").render(Format.TEXT, cpuStrict));
    }

    /** A profile's run: the mix sent as one request mix, each kind's p99 at the capacity rate beside it. */
    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void textOfTheMixForm(String tag) throws IOException {
        assertGolden("advice-mix-api-" + tag + ".txt", reports(tag).render(Format.TEXT, mixApi));
    }

    @Test
    void jsonOfTheMixForm() throws IOException {
        assertGolden("advice-mix-api.json", reports("fr-FR").render(Format.JSON, mixApi));
    }

    @Test
    void markdown() throws IOException {
        assertGolden("advice-io-heavy-en-US.md", reports("en-US").render(Format.MD, ioHeavy));
    }

    @Test
    void html() throws IOException {
        String html = reports("en-US").render(Format.HTML, ioHeavy);
        assertThat(html).contains("<canvas data-chart=\"cost-vs-target\"").doesNotContain("<script src");
        assertGolden("advice-io-heavy-en-US.html", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void jsonIsTheSameInEveryLocale(String tag) throws IOException {
        assertGolden("advice-io-heavy.json", reports(tag).render(Format.JSON, ioHeavy));
    }

    @Test
    void theTextSaysTheKnownAnswer() {
        String text = reports("en-US").render(Format.TEXT, ioHeavy);
        assertThat(text).contains("If the peak doubles (to 800 req/s): fastapi-uvicorn needs 1 core")
                .contains("django-gunicorn 34")
                .contains("flask-gunicorn: io: only closed-model levels, none with its p99 under the target;"
                        + " not measurable from this run: run the full suite or an open-model suite.");
        assertThat(reports("en-US").render(Format.TEXT, cpuStrict))
                .contains("django-gunicorn: cannot meet p99 10.0 ms on cpu at any measured rate on this machine's cores: best p99 ");
        assertThat(reports("en-US").render(Format.TEXT, mixApi))
                .contains("== Capacity per core at the p99 target, the mix sent as one request mix ==")
                .contains("user n/a (n=980), io n/a (n=280), cpu n/a (n=140)");
    }
}
