package dev.stackbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of the fixture run in a real headless Chromium: the page must load with
 * no console message or script error, and every chart must have been drawn (the page's script
 * marks each canvas {@code data-ready} after Chart.js rendered it and counts painted pixels).
 * Also writes {@code target/report-screenshot.png} for a person to look at.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void everyChartIsDrawnWithoutConsoleErrorsAndWithoutNetwork() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(tmp);
        Analysis analysis = FixtureReports.analyse(Fixtures.SEED_RUN, tmp);
        String html = new Reports(Locale.US, ChartLibrary.chartJs()).render(Format.HTML, analysis);
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        // self-contained: nothing to fetch
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContain("<link ")
                .doesNotContainPattern("(src|href)=\"https?:");
        int expected = count(html, "<canvas data-chart=");
        assertThat(expected).isEqualTo(31);

        HeadlessChromium.Output result = chromium.dumpDom(page);
        String dom = result.stdout();
        assertThat(result.exitCode()).as("chromium exit code; stderr:\n%s", result.stderr()).isZero();
        assertThat(result.stderr()).as("console messages").doesNotContain(":CONSOLE(");
        Matcher status = Pattern.compile("<p id=\"chart-status\"[^>]*>").matcher(dom);
        assertThat(status.find()).as("chart status element in\n%s", dom).isTrue();
        assertThat(status.group())
                .contains("data-expected=\"" + expected + "\"")
                .contains("data-rendered=\"" + expected + "\"")
                .contains("data-errors=\"0\"");
        assertThat(matches(dom, "<canvas [^>]*data-ready=\"true\"")).isEqualTo(expected);
        Matcher painted = Pattern.compile("<canvas [^>]*data-painted=\"(\\d+)\"").matcher(dom);
        int canvases = 0;
        while (painted.find()) {
            canvases++;
            assertThat(Integer.parseInt(painted.group(1))).isGreaterThan(50);
        }
        assertThat(canvases).isEqualTo(expected);
        assertThat(dom).contains(expected + " of " + expected + " charts drawn.");

        Path png = Path.of("target/report-screenshot.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        HeadlessChromium.Output shot = chromium.screenshot(page, png, 1400, 8000);
        assertThat(shot.exitCode()).as("screenshot; stderr:\n%s", shot.stderr()).isZero();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000);
        Files.copy(page, Path.of("target/report-fixture.html").toAbsolutePath(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
