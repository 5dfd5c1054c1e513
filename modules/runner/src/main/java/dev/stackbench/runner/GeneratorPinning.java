package dev.stackbench.runner;

import dev.stackbench.lab.proc.CpuSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Pins this JVM, every thread it has and those it starts later, to the generator's CPUs with
 * {@code taskset -a -p}, so the load generator never competes with the contestant it measures.
 */
public final class GeneratorPinning {
    private GeneratorPinning() {
    }

    /**
     * @return empty when pinned; otherwise one line saying why not (the run goes on unpinned, and says so)
     * @throws InterruptedException when interrupted while taskset runs
     */
    public static Optional<String> pinSelf(CpuSet cpus) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus.toString(), Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? Optional.empty()
                    : Optional.of("could not pin the generator to CPUs " + cpus + " (taskset: " + text.strip() + "); measuring unpinned");
        } catch (IOException e) {
            return Optional.of("could not pin the generator to CPUs " + cpus + " (" + e.getMessage() + "); measuring unpinned");
        }
    }
}
