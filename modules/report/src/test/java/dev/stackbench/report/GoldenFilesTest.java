package dev.stackbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every format rendered from the fixture runs, sealed by golden files in
 * {@code src/test/resources/golden/}. Human formats (text, md, html) have one golden file per
 * locale; JSON has one for all locales. Each test also sets the JVM default locale to the one
 * rendered, so that a renderer accidentally reading the default locale shows up too.
 *
 * <p>To accept a deliberate change: {@code mvn test -Dstackbench.golden.update=true}, then review
 * the diff of the golden files before committing.
 */
class GoldenFilesTest {
    static final boolean UPDATE = Boolean.getBoolean("stackbench.golden.update");
    static final Path SOURCE_DIR = Path.of("src/test/resources/golden");

    @TempDir
    static Path tmp;
    static Analysis a;
    static Comparison comparison;
    final Locale savedDefault = Locale.getDefault();

    @BeforeAll
    static void analyse() {
        a = FixtureReports.analyse(Fixtures.SEED_RUN, tmp.resolve("a"));
        comparison = Comparison.of(a, FixtureReports.analyse(Fixtures.SEED_RUN_B, tmp.resolve("b")),
                AnalysisSettings.DEFAULTS);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    static Reports reports(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Locale.setDefault(locale);
        return new Reports(locale, FixtureReports.STUB_LIBRARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void text(String tag) throws IOException {
        assertGolden("report-" + tag + ".txt", reports(tag).render(Format.TEXT, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void markdown(String tag) throws IOException {
        assertGolden("report-" + tag + ".md", reports(tag).render(Format.MD, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void html(String tag) throws IOException {
        assertGolden("report-" + tag + ".html", reports(tag).render(Format.HTML, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void jsonIsTheSameInEveryLocale(String tag) throws IOException {
        assertGolden("report.json", reports(tag).render(Format.JSON, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void compareText(String tag) throws IOException {
        assertGolden("compare-" + tag + ".txt", reports(tag).compare(Format.TEXT, comparison));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void compareMarkdown(String tag) throws IOException {
        assertGolden("compare-" + tag + ".md", reports(tag).compare(Format.MD, comparison));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void compareJsonIsTheSameInEveryLocale(String tag) throws IOException {
        assertGolden("compare.json", reports(tag).compare(Format.JSON, comparison));
    }

    @Test
    void renderersFollowTheGivenLocaleNotTheJvmDefault() throws IOException {
        Locale.setDefault(Locale.GERMANY);
        String text = new Reports(Locale.US, FixtureReports.STUB_LIBRARY).render(Format.TEXT, a);
        assertThat(text).isEqualTo(golden("report-en-US.txt"));
    }

    static void assertGolden(String name, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("golden file %s (update with -Dstackbench.golden.update=true)", name)
                .isEqualTo(golden(name));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name + "; create it with -Dstackbench.golden.update=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
