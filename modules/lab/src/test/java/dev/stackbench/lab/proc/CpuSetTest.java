package dev.stackbench.lab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.lab.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CpuSetTest {
    @Test
    void parsesListsAndRangesAndWritesThemBackForTaskset() {
        assertThat(CpuSet.parse("1").size()).isEqualTo(1);
        assertThat(CpuSet.parse("0-3,6").size()).isEqualTo(5);
        assertThat(CpuSet.parse("3,0,1,2").toString()).isEqualTo("0-3");
        assertThat(CpuSet.parse("1").within(CpuSet.parse("0-1"))).isTrue();
        assertThat(CpuSet.parse("2").within(CpuSet.parse("0-1"))).isFalse();
    }

    @Test
    void rejectsWhatTasksetWouldNotTake() {
        assertThatThrownBy(() -> CpuSet.parse("1-x")).isInstanceOf(InvalidInputException.class)
                .hasMessage("CPU set \"1-x\": expected CPU numbers and ranges such as 1 or 0-3,6");
        assertThatThrownBy(() -> CpuSet.parse("3-1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CpuSet.parse("")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void procStatLineWithSpacesAndParenthesesInTheName() {
        String line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 150 50 0 0 20 0 3 0 98765 1000000 321"
                + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ProcStat s = ProcStat.parse(line);
        assertThat(s).isEqualTo(new ProcStat(4242, 'S', 1, 4242, 4242, 200, 98765, 321));
    }
}
