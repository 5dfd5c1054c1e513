package dev.stackbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the advice page of the io-heavy profile in a real headless Chromium: no console message, the
 * cost-against-target chart drawn, nothing fetched. Writes {@code target/advice-screenshot.png}.
 * Skipped without Chromium, as {@link HtmlReportBrowserTest}.
 */
class AdviceHtmlBrowserTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void advise() {
        AdviceGoldenFilesTest.advise();
    }

    @Test
    void theCostChartIsDrawnWithoutConsoleErrorsAndWithoutNetwork() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(tmp);
        String html = new AdviceReports(Locale.US, ChartLibrary.chartJs()).render(Format.HTML, AdviceGoldenFilesTest.ioHeavy);
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContain("<link ")
                .doesNotContainPattern("(src|href)=\"https?:");
        Path page = tmp.resolve("advice.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        HeadlessChromium.Output result = chromium.dumpDom(page);
        assertThat(result.exitCode()).as("chromium exit code; stderr:\n%s", result.stderr()).isZero();
        assertThat(result.stderr()).as("console messages").doesNotContain(":CONSOLE(");
        Matcher status = Pattern.compile("<p id=\"chart-status\"[^>]*>").matcher(result.stdout());
        assertThat(status.find()).isTrue();
        assertThat(status.group()).contains("data-expected=\"1\"").contains("data-rendered=\"1\"")
                .contains("data-errors=\"0\"");
        assertThat(result.stdout()).contains("1 of 1 charts drawn.")
                .containsPattern("<canvas [^>]*data-ready=\"true\"");

        Path png = Path.of("target/advice-screenshot.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        HeadlessChromium.Output shot = chromium.screenshot(page, png, 1400, 2400);
        assertThat(shot.exitCode()).as("screenshot; stderr:\n%s", shot.stderr()).isZero();
        assertThat(png).exists();
    }
}
