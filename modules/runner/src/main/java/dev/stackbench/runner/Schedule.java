package dev.stackbench.runner;

import dev.stackbench.results.LoadLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of a run's trials: rounds, and in every round every cell (workload x level, in the
 * suite's order) with its contestants in an order shuffled afresh, so that drift of the machine's
 * speed during the run hits every contestant alike (randomized multiple interleaved trials, Abedi
 * and Brecht, ICPE 2017). A cell's trials of one round run back to back, which keeps the trials
 * that are compared with each other (same cell, same round) close in time.
 *
 * <p>The order is a pure function of the seed, which {@code run.json} records: a run can be
 * scheduled again exactly.
 *
 * @param seed   the shuffle seed
 * @param rounds rounds, >= 1
 * @param slots  every trial of the run, in the order they run
 */
public record Schedule(long seed, int rounds, List<Slot> slots) {

    /**
     * One trial to run.
     *
     * @param round      1-based round
     * @param workload   workload label
     * @param level      load level
     * @param contestant contestant id
     */
    public record Slot(int round, String workload, LoadLevel level, String contestant) {
    }

    /**
     * One workload x level of the suite and the contestants that implement the workload.
     *
     * @param workload    workload label
     * @param level       load level
     * @param contestants ids, in plan order
     */
    public record Cell(String workload, LoadLevel level, List<String> contestants) {
        public Cell {
            contestants = List.copyOf(contestants);
        }
    }

    public Schedule {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        slots = List.copyOf(slots);
    }

    /** @return the schedule of {@code rounds} rounds over {@code cells}, shuffled from {@code seed} */
    public static Schedule of(long seed, int rounds, List<Cell> cells) {
        Random random = new Random(seed);
        List<Slot> slots = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Cell cell : cells) {
                List<String> order = new ArrayList<>(cell.contestants());
                Collections.shuffle(order, random);
                for (String id : order) {
                    slots.add(new Slot(round, cell.workload(), cell.level(), id));
                }
            }
        }
        return new Schedule(seed, rounds, slots);
    }

    /** @return the slots of one round, in order */
    public List<Slot> round(int round) {
        return slots.stream().filter(s -> s.round() == round).toList();
    }
}
