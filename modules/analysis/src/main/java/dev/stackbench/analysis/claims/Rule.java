package dev.stackbench.analysis.claims;

import dev.stackbench.analysis.Interval;
import java.util.Locale;

/**
 * When a measurable claim holds, on the interval of a's advantage over b (a ratio oriented so that
 * above 1 means a is better: a/b for req/s, b/a for latency, CPU and memory).
 */
public sealed interface Rule permits Rule.Above, Rule.Within {

    /** @return the outcome for one interval of the advantage */
    Outcome judge(Interval advantage);

    /** @return the rule as people read it, e.g. {@code advantage > 1.05×} */
    String describe();

    /** @return where an interval lies when the claim holds, e.g. {@code above 1.05×} */
    String holdsWhere();

    /** @return where an interval lies when the claim fails, e.g. {@code below 1.05×} */
    String failsWhere();

    /** @return {@code 1.05×} with a dot in every locale: thresholds are the catalog's data, not measurements */
    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /**
     * The advantage is above a threshold: holds when the interval lies entirely above it, fails when
     * entirely below.
     *
     * @param threshold e.g. 1.05 for "better by more than 5%"
     */
    record Above(double threshold) implements Rule {
        public Above {
            if (!(threshold > 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be > 0, was " + threshold);
            }
        }

        @Override
        public Outcome judge(Interval advantage) {
            if (advantage.low() > threshold) {
                return Outcome.HOLDS;
            }
            return advantage.high() < threshold ? Outcome.FAILS : Outcome.INCONCLUSIVE;
        }

        @Override
        public String describe() {
            return "advantage > " + ratio(threshold);
        }

        @Override
        public String holdsWhere() {
            return "above " + ratio(threshold);
        }

        @Override
        public String failsWhere() {
            return "below " + ratio(threshold);
        }
    }

    /**
     * The advantage lies in a range (e.g. "10-20% in throughput"): holds when the interval lies within
     * [low, high], fails when it lies entirely outside.
     */
    record Within(double low, double high) implements Rule {
        public Within {
            if (!(low > 0 && low < high) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("need 0 < low < high, was " + low + ", " + high);
            }
        }

        @Override
        public Outcome judge(Interval advantage) {
            if (advantage.within(low, high)) {
                return Outcome.HOLDS;
            }
            return advantage.high() < low || advantage.low() > high ? Outcome.FAILS : Outcome.INCONCLUSIVE;
        }

        @Override
        public String describe() {
            return "advantage within " + ratio(low) + "–" + ratio(high);
        }

        @Override
        public String holdsWhere() {
            return "within " + ratio(low) + "–" + ratio(high);
        }

        @Override
        public String failsWhere() {
            return "outside " + ratio(low) + "–" + ratio(high);
        }
    }
}
