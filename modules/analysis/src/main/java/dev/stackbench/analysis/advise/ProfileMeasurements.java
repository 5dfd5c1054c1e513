package dev.stackbench.analysis.advise;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run must measure to answer a profile ({@code stackbench run --profile FILE}, docs/advise.md).
 * A pure function of the profile.
 *
 * <p>The mix's workloads with a share above 0 are sent together, as one request mix weighted by
 * their shares ({@link #mix}), on an open-model rate ladder per core of the server's CPU set: a
 * geometric series with ratio √2 from {@value #LOWEST_RATE} req/s up to the first step at or above
 * the profile's peak x (1 + headroom) (a contestant carrying the whole peak on one core needs no
 * higher step), each rounded to two significant digits. The runner multiplies by its server cores and
 * stops a contestant's ladder at the first step whose p99 exceeds {@value #STOP_FACTOR} x the target
 * or whose errors exceed the error budget: higher steps cannot meet the target either.
 */
public final class ProfileMeasurements {
    /** The first step of every ladder, req/s per core. */
    public static final double LOWEST_RATE = 25;
    /** The ladder's ratio between steps. */
    public static final double STEP = Math.sqrt(2);
    /** A ladder stops once a step's p99 exceeds this many times the target. */
    public static final int STOP_FACTOR = 2;

    private ProfileMeasurements() {
    }

    /**
     * One kind of the request mix.
     *
     * @param workload {@code json}, {@code user}, {@code io} or {@code cpu}
     * @param weight its weight, >= 1: the share in per mille, divided by the weights' greatest common
     *     divisor (70%, 20%, 10% give 7, 2, 1)
     */
    public record Weighted(String workload, int weight) {
    }

    /**
     * What a profile's run sends: its mix as one request mix on the ladder.
     *
     * @param mix the workloads with a share above 0, in mix order, with their weights
     * @param ioMillis the io delay to measure with (the profile's), ms
     * @param ratesPerCore offered rates of the whole mix, req/s per server core, ascending
     * @param stopAboveP99Micros stop the ladder at the first step whose p99 is above this, µs
     * @param errorBudget stop at the first step whose error rate is above this, 0..1
     */
    public record MixLadder(List<Weighted> mix, int ioMillis, List<Double> ratesPerCore, long stopAboveP99Micros,
            double errorBudget) {
        public MixLadder {
            mix = List.copyOf(mix);
            ratesPerCore = List.copyOf(ratesPerCore);
        }
    }

    /** @return the profile's mix as one request mix on the ladder */
    public static MixLadder mix(Profile profile) {
        List<Weighted> weighted = new ArrayList<>();
        int gcd = 0;
        for (Profile.Share s : profile.mix()) {
            int perMille = (int) Math.round(s.fraction() * 1000);
            if (perMille > 0) {
                gcd = java.math.BigInteger.valueOf(gcd).gcd(java.math.BigInteger.valueOf(perMille)).intValue();
            }
        }
        for (Profile.Share s : profile.mix()) {
            int perMille = (int) Math.round(s.fraction() * 1000);
            if (perMille > 0) {
                weighted.add(new Weighted(s.workload(), perMille / gcd));
            }
        }
        return new MixLadder(weighted, profile.ioMillis(), ladder(profile.peakPerSecond() * (1 + profile.headroom())),
                profile.p99TargetMicros() * STOP_FACTOR, profile.errorBudget());
    }

    /** Values a trial needs for its p99 to be printed (10 beyond it). */
    public static final int VALUES_FOR_P99 = 1000;
    /** The shortest trial, seconds. */
    public static final int MIN_TRIAL_SECONDS = 10;

    /**
     * @param errorBudget the profile's error budget, 0..1 (below 1)
     * @return intended requests a ladder's trial sends so that a level whose errors stay within the budget still
     *     records the {@value #VALUES_FOR_P99} successful values its p99 needs: ceil(1,000 / (1 - budget)), 1,011 at 1%
     *     (with exactly 1,000, one failed request left a level without a printable p99)
     */
    public static int valuesPerTrial(double errorBudget) {
        return (int) Math.ceil(VALUES_FOR_P99 / (1 - Math.min(errorBudget, 0.5)) - 1e-9);
    }

    /** @return seconds a trial at {@code ratePerSecond} needs to record {@value #VALUES_FOR_P99} values, at least {@value #MIN_TRIAL_SECONDS} */
    public static int trialSeconds(double ratePerSecond) {
        return (int) Math.max(MIN_TRIAL_SECONDS, Math.ceil(VALUES_FOR_P99 / ratePerSecond));
    }

    /** @return the rates from {@link #LOWEST_RATE} to the first at or above {@code top}, two significant digits */
    static List<Double> ladder(double top) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; ; i++) {
            double rate = twoDigits(LOWEST_RATE * Math.pow(STEP, i));
            if (rates.isEmpty() || rate > rates.get(rates.size() - 1)) {
                rates.add(rate);
            }
            if (rate >= top) {
                return rates;
            }
        }
    }

    private static double twoDigits(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
    }
}
