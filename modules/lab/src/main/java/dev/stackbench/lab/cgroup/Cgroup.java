package dev.stackbench.lab.cgroup;

import dev.stackbench.lab.proc.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cgroup made for one server by {@link Cgroups#create}: the server joins it before it runs
 * (see {@link #joinPrefix()}), so every process it ever forks is counted, also those that exit
 * between two samples or leave its session.
 *
 * <ul>
 * <li>CPU: {@code cpuacct.usage} (v1) or {@code usage_usec} of {@code cpu.stat} (v2), the
 * kernel's cumulative user + system time of every task that ever ran in the group, dead ones
 * included.</li>
 * <li>Memory: {@code total_rss + total_mapped_file} of {@code memory.stat} (v1) or
 * {@code anon + file_mapped} (v2): anonymous memory plus the file and shared-memory pages mapped
 * into its processes, charged to this group, each page once however many workers share it. Page
 * cache that no process maps (files read, logs written) is left out: it is not what the server
 * needs to run.</li>
 * </ul>
 *
 * Thread-safe; {@link #remove()} is idempotent.
 */
public final class Cgroup {
    /** Which hierarchy a cgroup lives in. */
    public enum Version { V1, V2 }

    private static final long REMOVE_WAIT_MILLIS = 5_000;

    private final Version version;
    private final String name;
    /** v1: controller to directory; v2: "" to the directory. */
    private final Map<String, Path> dirs;
    private final boolean pinsCpus;
    private boolean removed;

    Cgroup(Version version, String name, Map<String, Path> dirs, boolean pinsCpus) {
        this.version = version;
        this.name = name;
        this.dirs = Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
        this.pinsCpus = pinsCpus;
    }

    void pin(CpuSet cpus, Path cpusetParent) throws IOException {
        Path dir = cpusetDir();
        if (version == Version.V1) {
            // a new v1 cpuset is empty and takes no task until both are set (v2 inherits its parent's mems)
            String mems = Files.readString(cpusetParent.resolve("cpuset.effective_mems")).strip();
            Files.writeString(dir.resolve("cpuset.mems"), mems.isEmpty() ? "0" : mems);
        }
        Files.writeString(dir.resolve("cpuset.cpus"), cpus.toString());
    }

    private Path cpusetDir() {
        return version == Version.V1 ? dirs.get("cpuset") : dirs.get("");
    }

    /** @return its unique leaf name, e.g. {@code stackbench-express-4242-9f3a01bc} */
    public String name() {
        return name;
    }

    /** @return V1 or V2 */
    public Version version() {
        return version;
    }

    /** @return its directories (one per v1 controller, or the one v2 directory) */
    public List<Path> dirs() {
        return List.copyOf(dirs.values());
    }

    /** @return true when its cpuset pins its tasks to the CPU set it was made with (no taskset needed) */
    public boolean pinsCpus() {
        return pinsCpus;
    }

    /**
     * The argv prefix that makes a command join this cgroup before it runs: a shell writes its own
     * pid to every {@code cgroup.procs} of the group, then execs the command (same pid). It exits
     * with 125 and a message on its stderr when it cannot join.
     */
    public List<String> joinPrefix() {
        List<String> argv = new ArrayList<>(List.of("sh", "-c",
                "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || { echo \"stackbench: cannot join cgroup $1\" >&2; exit 125; };"
                        + " shift; done; shift; exec \"$@\"",
                "stackbench-cgroup"));
        dirs.values().forEach(d -> argv.add(d.resolve("cgroup.procs").toString()));
        argv.add("--");
        return argv;
    }

    /**
     * @return the CPU time (user + system) of every task that ran in the group since it was made,
     *         in nanoseconds; cumulative: read it at both ends of a window
     * @throws IOException when the group is gone
     */
    public long cpuNanos() throws IOException {
        if (version == Version.V1) {
            return Long.parseLong(Files.readString(dirs.get("cpuacct").resolve("cpuacct.usage")).strip());
        }
        return stat(dirs.get("").resolve("cpu.stat"), "usage_usec") * 1_000;
    }

    /**
     * @return the group's memory now, in bytes: rss + mapped_file (v1) or anon + file_mapped (v2)
     * @throws IOException when the group is gone
     */
    public long memoryBytes() throws IOException {
        if (version == Version.V1) {
            Path stat = dirs.get("memory").resolve("memory.stat");
            return stat(stat, "total_rss") + stat(stat, "total_mapped_file");
        }
        Path stat = dirs.get("").resolve("memory.stat");
        return stat(stat, "anon") + stat(stat, "file_mapped");
    }

    private static long stat(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).strip());
            }
        }
        throw new IOException("no " + key + " in " + file);
    }

    /**
     * @return the number of processes in the group now (from one {@code cgroup.procs}: cpuacct's in v1)
     * @throws IOException when the group is gone
     */
    public int processCount() throws IOException {
        Path dir = version == Version.V1 ? dirs.get("cpuacct") : dirs.get("");
        return (int) Files.readAllLines(dir.resolve("cgroup.procs")).stream().filter(l -> !l.isBlank()).count();
    }

    /** @return the pids of the processes in the group now (empty once removed) */
    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        for (Path dir : dirs.values()) {
            try {
                for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    if (!line.isBlank() && !out.contains(Long.parseLong(line.strip()))) {
                        out.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (NoSuchFileException e) {
                // removed
            } catch (IOException e) {
                // unreadable now: the other controllers still tell
            }
        }
        return out;
    }

    /**
     * Kills with SIGKILL whatever is still in the group, waits for it to empty (up to 5 s), and
     * removes its directories. Idempotent.
     *
     * @return true when every directory is gone
     */
    public synchronized boolean remove() {
        if (removed) {
            return true;
        }
        long deadline = System.nanoTime() + REMOVE_WAIT_MILLIS * 1_000_000;
        List<Long> left = pids();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
            pause();
            left = pids();
        }
        boolean all = true;
        for (Path dir : dirs.values()) {
            all &= rmdir(dir, deadline);
        }
        removed = all;
        return all;
    }

    private static boolean rmdir(Path dir, long deadline) {
        while (true) {
            try {
                Files.deleteIfExists(dir);
                return true;
            } catch (IOException e) {
                // EBUSY while the last tasks are still being torn down
                if (System.nanoTime() > deadline) {
                    return false;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
