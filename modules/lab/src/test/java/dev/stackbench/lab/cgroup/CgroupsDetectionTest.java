package dev.stackbench.lab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.proc.CpuSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Detection and reading on fake cgroup trees: the layouts of machines other than this one. */
class CgroupsDetectionTest {

    @Test
    @Timeout(10)
    void aV2HierarchyThatDelegatesMemoryAndCpusetIsUsedAndReadFromCpuStatAndMemoryStat(@TempDir Path root) throws Exception {
        Path own = root.resolve("user.slice/stackbench.scope");
        Files.createDirectories(own);
        Files.writeString(own.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Files.writeString(own.resolve("cgroup.subtree_control"), "cpuset memory\n");
        Cgroups cgroups = Cgroups.detect(
                List.of("41 31 0:38 / " + root + " rw,relatime - cgroup2 cgroup2 rw,nsdelegate"),
                List.of("0::/user.slice/stackbench.scope"));
        assertThat(cgroups.usable()).isTrue();
        assertThat(cgroups.reason()).isEqualTo("cgroup v2 (" + own + ")");

        Cgroup g = cgroups.create("Fast API!", Optional.of(CpuSet.parse("1")));
        assertThat(g.version()).isEqualTo(Cgroup.Version.V2);
        assertThat(g.name()).matches("stackbench-fast-api--" + ProcessHandle.current().pid() + "-[0-9a-f]{8}");
        Path dir = own.resolve(g.name());
        assertThat(g.dirs()).containsExactly(dir);
        assertThat(g.pinsCpus()).isTrue();
        assertThat(Files.readString(dir.resolve("cpuset.cpus"))).isEqualTo("1");
        assertThat(g.joinPrefix()).endsWith(dir.resolve("cgroup.procs").toString(), "--");

        // what the kernel would write: usage_usec in microseconds; anon + file_mapped in bytes
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 104857600\nfile 9999999\nfile_mapped 4194304\nshmem 0\n");
        Files.writeString(dir.resolve("cgroup.procs"), "4242\n4243\n");
        assertThat(g.cpuNanos()).isEqualTo(1_500_000_000L);
        assertThat(g.memoryBytes()).isEqualTo(104_857_600L + 4_194_304L);
        assertThat(g.processCount()).isEqualTo(2);
    }

    @Test
    @Timeout(10)
    void aHybridLayoutUsesItsV1ControllersAndNestsUnderOurOwnCgroups(@TempDir Path root) throws Exception {
        for (String c : List.of("cpuacct", "memory/process_api/abc", "cpuset")) {
            Files.createDirectories(root.resolve(c));
        }
        Files.writeString(root.resolve("cpuset/cpuset.effective_mems"), "0\n");
        Cgroups cgroups = Cgroups.detect(List.of(
                        "32 31 0:29 / " + root + "/cpu rw,relatime - cgroup cgroup rw,cpu",
                        "33 31 0:30 / " + root + "/cpuacct rw,relatime - cgroup cgroup rw,cpuacct",
                        "34 31 0:31 / " + root + "/cpuset rw,relatime - cgroup cgroup rw,cpuset",
                        "35 31 0:32 / " + root + "/memory rw,relatime - cgroup cgroup rw,memory",
                        "41 31 0:38 / " + root + "/unified rw,relatime - cgroup2 cgroup2 rw"),
                List.of("4:memory:/process_api/abc", "3:cpuset:/", "2:cpuacct:/", "1:cpu:/", "0::/"));
        assertThat(cgroups.reason()).isEqualTo("cgroup v1 (cpuacct, memory, cpuset)");
        // left by a run whose JVM and watchdog were both killed, and one of a live run (ours)
        Path orphan = Files.createDirectories(root.resolve("cpuacct/stackbench-django-999999999-0badf00d"));
        Path live = Files.createDirectories(root.resolve("cpuacct/stackbench-django-" + ProcessHandle.current().pid() + "-0badf00d"));
        Cgroup g = cgroups.create("express", Optional.empty());
        assertThat(orphan).doesNotExist();
        assertThat(live).exists();
        assertThat(g.dirs()).containsExactlyInAnyOrder(root.resolve("cpuacct").resolve(g.name()),
                root.resolve("memory/process_api/abc").resolve(g.name()));
        assertThat(g.pinsCpus()).as("no CPU set: no cpuset cgroup, which would take no task").isFalse();
        Files.writeString(root.resolve("cpuacct").resolve(g.name()).resolve("cpuacct.usage"), "123456789\n");
        Path memory = root.resolve("memory/process_api/abc").resolve(g.name());
        Files.writeString(memory.resolve("memory.stat"),
                "cache 5000\nrss 100\nmapped_file 7\ntotal_cache 5000\ntotal_rss 100\ntotal_mapped_file 7\n");
        assertThat(g.cpuNanos()).isEqualTo(123_456_789L);
        assertThat(g.memoryBytes()).isEqualTo(107);
    }

    @Test
    @Timeout(10)
    void withoutMemoryControllersNothingIsUsedAndTheReasonSaysWhy(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu pids\n");
        Files.writeString(root.resolve("cgroup.subtree_control"), "\n");
        Cgroups cgroups = Cgroups.detect(List.of("41 31 0:38 / " + root + " rw,relatime - cgroup2 cgroup2 rw"), List.of("0::/"));
        assertThat(cgroups.usable()).isFalse();
        assertThat(cgroups.reason()).isEqualTo("no writable cgroup v1 cpuacct and memory controllers; cgroup v2 at "
                + root + " cannot delegate the memory controller");
        assertThat(Cgroups.none("not root").reason()).isEqualTo("not root");
    }
}
