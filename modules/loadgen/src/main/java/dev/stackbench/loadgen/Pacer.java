package dev.stackbench.loadgen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One event loop's open-model schedule: the intended send times of its share of the rate, one after
 * the other. A constant rate with even arrivals is the closed form {@code start + k / rate}; a
 * schedule of stages or Poisson arrivals steps from each arrival to the next by {@code 1 / rate(t)}
 * (even) or an exponential draw of that mean (Poisson), {@code t} measured from the window's start
 * (before it, during the warm-up, the first stage's starting rate). Loop thread only.
 */
final class Pacer {
    private final double share;
    private final double meanRate;
    private final RateStage[] stages;
    private final long[] stageStartOffsets;
    private final boolean poisson;
    private final SplittableRandom random;
    private final boolean closedForm;
    private long origin;
    private long measureStart = Long.MAX_VALUE;
    private long k;
    private double next;

    /**
     * @param model  the open model
     * @param share  this loop's fraction of the whole rate, 0..1
     * @param random this loop's seeded random (Poisson draws)
     */
    Pacer(LoadModel.Open model, double share, SplittableRandom random) {
        this.share = share;
        this.meanRate = model.ratePerSecond();
        List<RateStage> s = model.stages();
        this.stages = s.toArray(new RateStage[0]);
        this.stageStartOffsets = new long[stages.length];
        long at = 0;
        for (int i = 0; i < stages.length; i++) {
            stageStartOffsets[i] = at;
            at += stages[i].length().toNanos();
        }
        this.poisson = model.arrivals() == LoadModel.Arrivals.POISSON;
        this.random = random;
        this.closedForm = stages.length == 0 && !poisson;
    }

    /** Starts the schedule: the first arrival is at {@code scheduleStart} (even) or one draw after it (Poisson). */
    void start(long scheduleStart) {
        origin = scheduleStart;
        next = scheduleStart;
        k = 0;
        if (poisson) {
            next += gapNanos(next);
        }
    }

    /** Sets the window's start, from which the stages' times count. */
    void window(long measureStartNanos) {
        this.measureStart = measureStartNanos;
    }

    /** @return the next intended send time, {@link System#nanoTime()} clock */
    long peek() {
        return closedForm ? origin + (long) (k * (1e9 / (meanRate * share))) : (long) next;
    }

    /** Moves to the arrival after {@link #peek()}. */
    void advance() {
        k++;
        if (!closedForm) {
            next += gapNanos(next);
        }
    }

    private double gapNanos(double at) {
        double mean = 1e9 / (share * ratePerSecondAt((long) at));
        // 1 - u lies in (0, 1]: the logarithm is finite
        return poisson ? -Math.log(1 - random.nextDouble()) * mean : mean;
    }

    /** @return the whole schedule's target rate at {@code nanos}, requests/s (not this loop's share) */
    double ratePerSecondAt(long nanos) {
        if (stages.length == 0) {
            return meanRate;
        }
        if (nanos < measureStart) {
            return stages[0].fromPerSecond();
        }
        long offset = nanos - measureStart;
        int i = stageAt(offset);
        return stages[i].rateAt((offset - stageStartOffsets[i]) / 1e9);
    }

    /** @return the index of the stage holding {@code offsetNanos} from the window's start (the last for later times) */
    int stageAt(long offsetNanos) {
        int i = 0;
        while (i + 1 < stages.length && offsetNanos >= stageStartOffsets[i + 1]) {
            i++;
        }
        return i;
    }

    /** @return this loop's share of the rate at {@code nanos}, requests per nanosecond */
    double loopRatePerNano(long nanos) {
        return share * ratePerSecondAt(nanos) / 1e9;
    }
}
