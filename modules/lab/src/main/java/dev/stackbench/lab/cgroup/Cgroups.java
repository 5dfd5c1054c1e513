package dev.stackbench.lab.cgroup;

import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.lab.proc.OsUser;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where this machine lets Stackbench create cgroups, and the factory of them. Every cgroup is
 * created as a child of the cgroup this JVM itself is in (per controller), so whatever limits and
 * accounting contain Stackbench also contain its servers.
 *
 * <ul>
 * <li><b>cgroup v1</b>, preferred when its {@code cpuacct} and {@code memory} controllers are
 * mounted and our cgroups in them are writable (root); {@code cpuset} is used when mounted too.</li>
 * <li><b>cgroup v2</b> (the unified hierarchy, usually at {@code /sys/fs/cgroup}), when our cgroup's
 * {@code cgroup.subtree_control} holds (or accepts) {@code memory}; {@code cpuset} when it holds
 * that too. CPU comes from {@code cpu.stat}, present in every v2 cgroup.</li>
 * <li>otherwise {@link #usable()} is false and {@link #reason()} says why (not root, no
 * controllers): callers fall back to taskset pinning and the {@code /proc} tree sampler.</li>
 * </ul>
 *
 * <pre>{@code
 * Cgroups cgroups = Cgroups.detect();
 * if (cgroups.usable()) { Cgroup g = cgroups.create("express", Optional.of(cpus)); ... g.remove(); }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Cgroups {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path SELF = Path.of("/proc/self/cgroup");
    private static final Pattern ORPHAN = Pattern.compile("stackbench-.*-(\\d+)-[0-9a-f]{8}");

    private final Cgroup.Version version;
    /** v1: controller name to the directory of our own cgroup in it; v2: "" to our cgroup's directory. */
    private final Map<String, Path> parents;
    private final String reason;
    private final SecureRandom random = new SecureRandom();

    private Cgroups(Cgroup.Version version, Map<String, Path> parents, String reason) {
        this.version = version;
        this.parents = Collections.unmodifiableMap(new LinkedHashMap<>(parents));
        this.reason = reason;
    }

    /** @return cgroups that are never used, for {@code reason} (e.g. "not root") */
    public static Cgroups none(String reason) {
        return new Cgroups(null, Map.of(), reason);
    }

    /**
     * Looks at {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}: v1 when {@code cpuacct}
     * and {@code memory} are mounted and writable, else v2 when usable, else none.
     */
    public static Cgroups detect() {
        if (!OsUser.currentIsRoot()) {
            return none("not root: cgroups need root; CPU and memory come from /proc");
        }
        try {
            return detect(Files.readAllLines(MOUNTINFO), Files.readAllLines(SELF));
        } catch (IOException e) {
            return none("cannot read " + MOUNTINFO + " or " + SELF + ": " + e.getMessage());
        }
    }

    /**
     * @param mounts the lines of {@code /proc/self/mountinfo}
     * @param self   the lines of {@code /proc/self/cgroup}
     */
    static Cgroups detect(List<String> mounts, List<String> self) {
        Cgroups v1 = v1(mounts, self);
        if (v1.usable()) {
            return v1;
        }
        Cgroups v2 = v2(mounts, self);
        return v2.usable() ? v2 : none(v1.reason + "; " + v2.reason);
    }

    private static Cgroups v1(List<String> mounts, List<String> self) {
        Map<String, Path> parents = new LinkedHashMap<>();
        for (String controller : List.of("cpuacct", "memory", "cpuset")) {
            Optional<Path> dir = v1Dir(mounts, self, controller);
            if (dir.isPresent() && Files.isWritable(dir.get())) {
                parents.put(controller, dir.get());
            }
        }
        if (!parents.containsKey("cpuacct") || !parents.containsKey("memory")) {
            return none("no writable cgroup v1 cpuacct and memory controllers");
        }
        return new Cgroups(Cgroup.Version.V1, parents, null);
    }

    /** @return our cgroup's directory in the v1 hierarchy holding {@code controller} */
    private static Optional<Path> v1Dir(List<String> mounts, List<String> self, String controller) {
        for (String m : mounts) {
            Mount mount = Mount.parse(m);
            if (mount == null || !"cgroup".equals(mount.type) || !List.of(mount.superOptions.split(",")).contains(controller)) {
                continue;
            }
            for (String line : self) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && List.of(f[1].split(",")).contains(controller)) {
                    return Optional.of(mount.resolve(f[2]));
                }
            }
        }
        return Optional.empty();
    }

    private static Cgroups v2(List<String> mounts, List<String> self) {
        Mount unified = null;
        for (String m : mounts) {
            Mount mount = Mount.parse(m);
            // in a hybrid layout (/sys/fs/cgroup/unified) it holds no controller: the memory check says so
            if (mount != null && "cgroup2".equals(mount.type) && unified == null) {
                unified = mount;
            }
        }
        String own = self.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst().orElse(null);
        if (unified == null || own == null) {
            return none("no cgroup v2 hierarchy");
        }
        Path parent = unified.resolve(own);
        Path control = parent.resolve("cgroup.subtree_control");
        try {
            for (String controller : List.of("memory", "cpuset")) {
                if (!Files.readString(control).contains(controller)
                        && Files.readString(parent.resolve("cgroup.controllers")).contains(controller)) {
                    try {
                        // refused (EBUSY) when our own cgroup holds processes and is not the root
                        Files.writeString(control, "+" + controller);
                    } catch (IOException e) {
                        // stays without it
                    }
                }
            }
            if (!Files.readString(control).contains("memory")) {
                return none("cgroup v2 at " + parent + " cannot delegate the memory controller");
            }
        } catch (IOException e) {
            return none("cgroup v2 at " + parent + " is not usable: " + e.getMessage());
        }
        return new Cgroups(Cgroup.Version.V2, Map.of("", parent), null);
    }

    /** One line of mountinfo: (4) root within the hierarchy, (5) mount point, after " - ": type and super options. */
    private record Mount(String root, Path point, String type, String superOptions) {
        static Mount parse(String line) {
            String[] halves = line.split(" - ", 2);
            if (halves.length != 2) {
                return null;
            }
            String[] f = halves[0].split(" ");
            String[] g = halves[1].split(" ");
            return f.length < 5 || g.length < 3 ? null : new Mount(f[3], Path.of(f[4]), g[0], g[2]);
        }

        /** @param cgroupPath a path of /proc/self/cgroup, relative to the hierarchy's root */
        Path resolve(String cgroupPath) {
            String rel = cgroupPath.startsWith(root) ? cgroupPath.substring(root.length()) : cgroupPath;
            return point.resolve(rel.replaceFirst("^/+", ""));
        }
    }

    /** @return true when {@link #create} can be called */
    public boolean usable() {
        return version != null;
    }

    /** @return why cgroups are not used, or what is used, e.g. {@code cgroup v1 (cpuacct, memory, cpuset)} */
    public String reason() {
        return usable() ? describe() : reason;
    }

    private String describe() {
        return version == Cgroup.Version.V1 ? "cgroup v1 (" + String.join(", ", parents.keySet()) + ")"
                : "cgroup v2 (" + parents.get("") + ")";
    }

    /**
     * Creates a new cgroup for one server, named {@code stackbench-<name>-<jvm pid>-<random>}
     * (unique also across concurrent runs), pinned to {@code cpus} when the cpuset controller is
     * available.
     *
     * @param name who it is for (a contestant id, {@code postgresql}); reduced to [a-z0-9-]
     * @throws IOException when a directory cannot be made or the CPU set not written (whatever
     *                     was made is removed)
     * @throws IllegalStateException when not {@link #usable()}
     */
    public Cgroup create(String name, Optional<CpuSet> cpus) throws IOException {
        if (!usable()) {
            throw new IllegalStateException("cgroups are not usable: " + reason);
        }
        String safe = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        removeOrphans();
        while (true) {
            byte[] token = new byte[4];
            random.nextBytes(token);
            String leaf = "stackbench-" + safe + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(token);
            List<Path> made = new ArrayList<>();
            try {
                Map<String, Path> dirs = new LinkedHashMap<>();
                for (Map.Entry<String, Path> p : parents.entrySet()) {
                    if (p.getKey().equals("cpuset") && cpus.isEmpty()) {
                        continue; // a new v1 cpuset without CPUs takes no task
                    }
                    Path dir = p.getValue().resolve(leaf);
                    Files.createDirectory(dir);
                    made.add(dir);
                    dirs.put(p.getKey(), dir);
                }
                Cgroup group = new Cgroup(version, leaf, dirs, cpus.isPresent() && hasCpuset());
                if (group.pinsCpus()) {
                    group.pin(cpus.get(), cpusetParent());
                }
                return group;
            } catch (FileAlreadyExistsException e) {
                removeAll(made); // a 32-bit collision: draw again
            } catch (IOException | RuntimeException e) {
                removeAll(made);
                throw e;
            }
        }
    }

    /**
     * Removes the empty cgroups left by a Stackbench whose JVM and watchdog were both killed
     * (named {@code stackbench-*-<pid>-<hex>} with that pid gone); those of live runs are kept.
     */
    private void removeOrphans() {
        for (Path parent : parents.values()) {
            try (var dirs = Files.newDirectoryStream(parent, "stackbench-*")) {
                for (Path dir : dirs) {
                    Matcher m = ORPHAN.matcher(dir.getFileName().toString());
                    if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
                            && (!Files.exists(dir.resolve("cgroup.procs")) || Files.readString(dir.resolve("cgroup.procs")).isBlank())) {
                        Files.deleteIfExists(dir);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // best effort: an orphan costs a directory, nothing more
            }
        }
    }

    private boolean hasCpuset() {
        if (version == Cgroup.Version.V1) {
            return parents.containsKey("cpuset");
        }
        try {
            return Files.readString(parents.get("").resolve("cgroup.subtree_control")).contains("cpuset");
        } catch (IOException e) {
            return false;
        }
    }

    private Path cpusetParent() {
        return version == Cgroup.Version.V1 ? parents.get("cpuset") : parents.get("");
    }

    private static void removeAll(List<Path> dirs) {
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException ignored) {
                // an empty cgroup we just made: rmdir only fails if it is already gone
            }
        }
    }

    @Override
    public String toString() {
        return reason();
    }
}
