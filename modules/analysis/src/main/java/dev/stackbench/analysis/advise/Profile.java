package dev.stackbench.analysis.advise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's project, as {@code stackbench advise} ranks stacks against it (docs/advise.md).
 * Read by {@link ProfileReader}; immutable.
 *
 * @param mix the request mix: one share per workload, in the order written, shares summing to 100%
 * @param ioMillis how long the {@code io} workload's upstream takes, ms (what the run must have
 *     measured with; run.json records it from schema 4 on, and the advice says when a run's differs)
 * @param realtime real-time connections and message rate, when the project has them
 * @param peakPerSecond the peak request rate the service must carry, requests/s, > 0
 * @param p99TargetMicros the latency the peak must stay under at the 99th percentile, µs, > 0
 * @param errorBudget the largest failed / attempted fraction a measured level may have to count,
 *     0..1
 * @param headroom spare capacity above the peak the sizing keeps, as a fraction (0.3 = 30%), >= 0
 * @param prices what a core-hour and a GiB-hour cost (examples unless the user sets them)
 * @param languages the team's languages, lower case, e.g. {@code [python]}
 * @param needs the needs the measurements cannot see, each with its weight, in the order written
 * @param sameCostWithin contestants whose monthly cost is within this fraction of the cheaper one's
 *     tie on measured fit, and the weights order them; >= 0
 */
public record Profile(List<Share> mix, int ioMillis, Optional<Realtime> realtime, double peakPerSecond,
        long p99TargetMicros, double errorBudget, double headroom, Prices prices, List<String> languages,
        List<Need> needs, double sameCostWithin) {

    /** Hours in a month for the cost: 365 x 24 / 12. */
    public static final double HOURS_PER_MONTH = 730;

    public Profile {
        mix = List.copyOf(mix);
        Objects.requireNonNull(realtime, "realtime");
        Objects.requireNonNull(prices, "prices");
        languages = List.copyOf(languages);
        needs = List.copyOf(needs);
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("a profile needs a request mix");
        }
        if (!(peakPerSecond > 0) || p99TargetMicros <= 0) {
            throw new IllegalArgumentException("peak and p99 target must be > 0");
        }
    }

    /** @return the same profile at another peak (for the sensitivity lines) */
    public Profile withPeak(double perSecond) {
        return new Profile(mix, ioMillis, realtime, perSecond, p99TargetMicros, errorBudget, headroom, prices,
                languages, needs, sameCostWithin);
    }

    /** @return the same profile with another p99 target (for the sensitivity lines) */
    public Profile withP99Target(long micros) {
        return new Profile(mix, ioMillis, realtime, peakPerSecond, micros, errorBudget, headroom, prices, languages,
                needs, sameCostWithin);
    }

    /**
     * One workload's part of the mix.
     *
     * @param workload {@code json}, {@code user}, {@code io} or {@code cpu}
     * @param fraction its share of the requests, 0..1 (0.7 = 70%)
     */
    public record Share(String workload, double fraction) {
        public Share {
            Objects.requireNonNull(workload, "workload");
        }
    }

    /**
     * Real-time traffic (WebSocket). Recorded and reported; today's runs cannot measure it.
     *
     * @param connections concurrent connections
     * @param messagesPerSecond messages per second across them
     */
    public record Realtime(int connections, double messagesPerSecond) {
    }

    /**
     * @param coreHour the price of one core for one hour, in {@code currency}
     * @param gibHour the price of one GiB of memory for one hour
     * @param currency a label only, e.g. {@code USD}
     * @param examples true when the profile did not set them: reports say they are examples
     */
    public record Prices(double coreHour, double gibHour, String currency, boolean examples) {
    }

    /**
     * A need the measurements cannot see, with the user's weight.
     *
     * @param id the rule's id ({@link RulesOfThumb}) or the user's own name
     * @param weight 0..10: what meeting it is worth in the ranking
     * @param favours the contestant languages that meet it, lower case
     * @param source where the default comes from: the rule's citation, or {@code your profile}
     */
    public record Need(String id, int weight, List<String> favours, String source) {
        public Need {
            favours = List.copyOf(favours);
        }

        /** @return whether a contestant written in {@code language} meets this need */
        public boolean metBy(String language) {
            return language != null && favours.contains(language.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
