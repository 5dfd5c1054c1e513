package dev.stackbench.lab.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The units of {@code /proc}: clock ticks per second (CPU times) and the page size (RSS).
 *
 * @param ticksPerSecond {@code getconf CLK_TCK}, usually 100
 * @param pageSizeBytes  {@code getconf PAGESIZE}, usually 4096
 */
public record KernelUnits(long ticksPerSecond, long pageSizeBytes) {

    /** @return the units of this machine, asked from {@code getconf} (100 and 4096 if it fails) */
    public static KernelUnits read() {
        return new KernelUnits(getconf("CLK_TCK", 100), getconf("PAGESIZE", 4096));
    }

    private static long getconf(String name, long fallback) {
        try {
            Process p = new ProcessBuilder("getconf", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Long.parseLong(out) : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
