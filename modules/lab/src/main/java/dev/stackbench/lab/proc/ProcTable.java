package dev.stackbench.lab.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of every process in {@code /proc}. Processes come and go while it is read; those
 * gone are simply absent. Immutable once taken.
 */
public final class ProcTable {
    private final Map<Long, ProcStat> byPid;

    private ProcTable(Map<Long, ProcStat> byPid) {
        this.byPid = byPid;
    }

    /** @return a snapshot of all processes (zombies included) */
    public static ProcTable snapshot() {
        Map<Long, ProcStat> all = new LinkedHashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                ProcStat.read(Long.parseLong(dir.getFileName().toString())).ifPresent(s -> all.put(s.pid(), s));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        return new ProcTable(all);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** @return the stat of {@code pid} in this snapshot, or null */
    public ProcStat get(long pid) {
        return byPid.get(pid);
    }

    /** @return every process of the snapshot */
    public Collection<ProcStat> all() {
        return byPid.values();
    }

    /**
     * The tree of a server: {@code root} and its descendants, plus any process still in the
     * root's session or process group (a worker whose parent died has been re-parented away from
     * the tree but stays in the session unless it called setsid itself).
     *
     * @param root the server's pid; when it is not in the snapshot only its session/group members are found
     * @return the members, root first when alive; zombies included
     */
    public List<ProcStat> tree(long root) {
        Map<Long, List<ProcStat>> children = new HashMap<>();
        for (ProcStat s : byPid.values()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
        }
        Set<Long> seen = new HashSet<>();
        List<ProcStat> out = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(root);
        for (ProcStat s : byPid.values()) {
            if (s.pid() != root && (s.session() == root || s.pgrp() == root)) {
                todo.add(s.pid());
            }
        }
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            ProcStat s = byPid.get(pid);
            if (s == null || !seen.add(pid)) {
                continue;
            }
            out.add(s);
            for (ProcStat child : children.getOrDefault(pid, List.of())) {
                todo.add(child.pid());
            }
        }
        return out;
    }
}
