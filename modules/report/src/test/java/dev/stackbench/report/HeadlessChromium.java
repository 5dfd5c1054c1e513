package dev.stackbench.report;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium, started per call with a fresh profile and no background traffic.
 * Missing Chromium fails the test when {@code CI=true} and skips it elsewhere.
 */
final class HeadlessChromium {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final Path binary;
    private final Path workDir;

    private HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** @return a browser, or fails (CI) / skips (elsewhere) the calling test when there is none */
    static HeadlessChromium require(Path workDir) {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "no chromium on PATH (install the Debian package 'chromium', or set STACKBENCH_CHROMIUM)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI=true, so the browser test must run");
            }
            assumeTrue(false, message);
        }
        return new HeadlessChromium(found.get(), workDir);
    }

    private static Optional<Path> find() {
        String explicit = System.getenv("STACKBENCH_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** What the browser printed. */
    record Output(int exitCode, String stdout, String stderr) {
    }

    /** Loads the page and returns the DOM after its scripts ran (stdout) and the browser's log (stderr). */
    Output dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** Loads the page and writes a PNG of the window. */
    Output screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
    }

    private Output run(Path page, List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Path out = Files.createTempFile(workDir, "chromium", ".out");
        Path err = Files.createTempFile(workDir, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(extra);
        command.add(page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT.toSeconds() + " s; stderr:\n" + Files.readString(err));
        }
        return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
