package dev.stackbench.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Facts about this machine and process, read from {@code /proc} (Linux); each answer has a
 * fallback elsewhere.
 */
final class Platform {
    private final Path proc;

    /** @param proc the proc file system's root, normally {@code /proc} */
    Platform(Path proc) {
        this.proc = proc;
    }

    /** @return the CPU model name, or "unknown" */
    String cpuModel() {
        return lines("cpuinfo").stream()
                .filter(l -> l.startsWith("model name") || l.startsWith("Model") || l.startsWith("Hardware"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    /** @return the CPUs this process may run on, e.g. {@code "0"} or {@code "0-3"}, or "all" */
    String allowedCpus() {
        return field("self/status", "Cpus_allowed_list:").orElse("all");
    }

    /** @return the soft and hard limits of open files, or empty when unknown */
    Optional<long[]> openFileLimits() {
        return lines("self/limits").stream().filter(l -> l.startsWith("Max open files")).findFirst().map(l -> {
            String[] parts = l.substring("Max open files".length()).trim().split("\\s+");
            return new long[] {parseLimit(parts[0]), parseLimit(parts[1])};
        });
    }

    private static long parseLimit(String s) {
        return "unlimited".equals(s) ? Long.MAX_VALUE : Long.parseLong(s);
    }

    private Optional<String> field(String file, String prefix) {
        return lines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).trim());
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(proc.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
