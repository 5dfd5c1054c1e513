package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.proc.CpuSet;
import org.junit.jupiter.api.Test;

/** Too few CPUs for the requested sets: how many are online, and what to pass instead. */
class CpuSetArgumentTest {
    private static final CpuSet TWO = CpuSet.parse("0-1");

    @Test
    void aSetBeyondTheOnlineCpusSaysHowManyThereAreAndWhatToPass() {
        assertThat(CpuSetArgument.parse("--server-cpus", "1", false, TWO)).isEqualTo(CpuSet.parse("1"));
        assertThatThrownBy(() -> CpuSetArgument.parse("--server-cpus", "2-3", false, TWO)).isInstanceOf(InvalidInputException.class)
                .hasMessage("--server-cpus 2-3: this machine has 2 CPUs online (0-1); pass CPUs among 0-1, e.g. --server-cpus 1");
        assertThatThrownBy(() -> CpuSetArgument.parse("--generator-cpus", "4", false, TWO))
                .hasMessage("--generator-cpus 4: this machine has 2 CPUs online (0-1); pass CPUs among 0-1, e.g. --generator-cpus 0");
        assertThatThrownBy(() -> CpuSetArgument.parse("--server-cpus", "1", true, CpuSet.parse("0")))
                .hasMessage("--server-cpus 1 (the suite's): this machine has 1 CPU online (0); pass CPUs among 0, e.g. --server-cpus 0");
    }

    @Test
    void aRunNeedsTwoCpusOnline() {
        CpuSetArgument.requireTwo(TWO);
        assertThatThrownBy(() -> CpuSetArgument.requireTwo(CpuSet.parse("0"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("stackbench run keeps the load generator and the contestant on different CPUs, but this machine has 1 CPU"
                        + " online (0); run it on a machine or VM with at least 2 CPUs, or measure a running server with: stackbench load URL");
    }

    @Test
    void runSaysSoBeforeStartingAnything() {
        CpuSet online = CpuSet.online();
        assumeTrue(online.size() >= 2, "a machine with one CPU stops earlier, at requireTwo");
        CliRun r = CliRun.of("run", "--server-cpus", "4095");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("stackbench: --server-cpus 4095: this machine has " + online.size() + " CPU"
                + (online.size() == 1 ? "" : "s") + " online (" + online + "); pass CPUs among " + online + ", e.g. --server-cpus "
                + online.last() + "\n");
        assertThat(r.out()).isEmpty();
    }
}
