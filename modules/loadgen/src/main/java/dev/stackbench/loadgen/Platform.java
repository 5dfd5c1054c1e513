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

    /**
     * Reads the kernel's CPU time counters of the given CPUs from {@code stat}.
     *
     * @param cpuList a list such as {@code 0} or {@code 0-3,6}, or "all"
     * @return {steal, total} in clock ticks over those CPUs (total includes steal), or {0, 0} when unknown
     */
    long[] stealAndTotalTicks(String cpuList) {
        java.util.BitSet cpus = parseCpuList(cpuList);
        long steal = 0;
        long total = 0;
        for (String l : lines("stat")) {
            if (!l.startsWith("cpu") || l.length() < 4 || !Character.isDigit(l.charAt(3))) {
                continue;
            }
            String[] f = l.trim().split("\\s+");
            int cpu = Integer.parseInt(f[0].substring(3));
            if (cpus != null && !cpus.get(cpu)) {
                continue;
            }
            // user nice system idle iowait irq softirq steal [guest guest_nice, already in user and nice]
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            if (f.length > 8) {
                steal += Long.parseLong(f[8]);
            }
        }
        return new long[] {steal, total};
    }

    /** @return the CPUs of a list such as {@code 0-3,6}, or null for "all" or what does not parse */
    static java.util.BitSet parseCpuList(String list) {
        java.util.BitSet set = new java.util.BitSet();
        try {
            for (String part : list.trim().split(",")) {
                int dash = part.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? part.trim() : part.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
                set.set(from, to + 1);
            }
            return set;
        } catch (RuntimeException e) {
            return null;
        }
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
