package dev.stackbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.LoadLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final List<String> FOUR = List.of("a", "b", "c", "d");
    private static final List<Schedule.Cell> CELLS = List.of(new Schedule.Cell("json", new LoadLevel.Closed(100), FOUR),
            new Schedule.Cell("io", new LoadLevel.Closed(100), List.of("a", "c")));

    @Test
    void everyRoundRunsEveryCellOncePerContestant() {
        Schedule s = Schedule.of(42, 6, CELLS);
        assertThat(s.slots()).hasSize(6 * (4 + 2));
        for (int round = 1; round <= 6; round++) {
            List<Schedule.Slot> r = s.round(round);
            assertThat(r.stream().filter(x -> x.workload().equals("json")).map(Schedule.Slot::contestant)).containsExactlyInAnyOrderElementsOf(FOUR);
            assertThat(r.stream().filter(x -> x.workload().equals("io")).map(Schedule.Slot::contestant)).containsExactlyInAnyOrder("a", "c");
            // cells keep the suite's order inside a round: every json trial comes before the io ones
            assertThat(r.subList(0, 4)).allMatch(x -> x.workload().equals("json"));
        }
    }

    @Test
    void theOrderIsShuffledPerRoundAndReproducibleFromTheSeed() {
        Schedule s = Schedule.of(42, 6, CELLS);
        Set<List<String>> orders = new HashSet<>();
        for (int round = 1; round <= 6; round++) {
            orders.add(s.round(round).stream().filter(x -> x.workload().equals("json")).map(Schedule.Slot::contestant).toList());
        }
        // 24 orders of four contestants: six identical rounds would mean no shuffling
        assertThat(orders.size()).isGreaterThan(1);
        assertThat(Schedule.of(42, 6, CELLS)).isEqualTo(s);
        assertThat(Schedule.of(43, 6, CELLS).slots()).isNotEqualTo(s.slots());
    }

    @Test
    void eachContestantLeadsARoundAboutEquallyOften() {
        // over many rounds the first position (right after the previous cell) is spread evenly
        Schedule s = Schedule.of(7, 400, List.of(CELLS.get(0)));
        long aFirst = s.slots().stream().filter(x -> s.round(x.round()).get(0) == x && x.contestant().equals("a")).count();
        assertThat(aFirst).isBetween(70L, 130L);
    }
}
