package dev.stackbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/**
 * The charting library inlined into the HTML report.
 *
 * @param name e.g. {@code Chart.js}
 * @param version e.g. {@code 4.4.7}
 * @param license e.g. {@code MIT}
 * @param script the library's browser bundle, defining the global {@code Chart}
 */
public record ChartLibrary(String name, String version, String license, String script) {

    private static final String POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    public ChartLibrary {
        Objects.requireNonNull(script, "script");
    }

    /**
     * Loads Chart.js's UMD bundle from the {@code org.webjars.npm:chart.js} jar on the classpath,
     * without its source-map comment (the report has no map to offer).
     *
     * @throws IllegalStateException when the webjar is missing (a packaging bug)
     */
    public static ChartLibrary chartJs() {
        try {
            Properties pom = new Properties();
            try (InputStream in = ChartLibrary.class.getResourceAsStream(POM)) {
                if (in == null) {
                    throw new IllegalStateException("Chart.js webjar missing from the classpath (" + POM + ")");
                }
                pom.load(in);
            }
            String version = pom.getProperty("version");
            String path = "/META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.js";
            try (InputStream in = ChartLibrary.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Chart.js bundle missing from the classpath (" + path + ")");
                }
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("(?m)^//# sourceMappingURL=.*$", "").stripTrailing();
                return new ChartLibrary("Chart.js", version, "MIT", script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Chart.js webjar: " + e.getMessage(), e);
        }
    }
}
