package dev.stackbench.analysis;

import dev.stackbench.results.Errors;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a trial may be ranked: valid as the run recorded it ({@code Trial.invalid} empty), and
 * its error rate at most {@link AnalysisSettings#maxErrorRate()}. The runner may apply the same
 * rule while measuring; a reason starting with {@code error rate} is then not added twice.
 */
public final class TrialCheck {

    private TrialCheck() {
    }

    /**
     * @return failed requests / attempted requests (responses of any status plus requests that got
     *     none), 0..1; 0 when nothing was attempted
     */
    public static double errorRate(Trial t) {
        Errors e = t.errors();
        long attempts = t.requests() + e.connect() + e.read() + e.write() + e.timeout();
        return attempts == 0 ? 0 : (double) e.total() / attempts;
    }

    /**
     * @return why the trial is not ranked (its own reasons, then e.g. {@code error rate 31.0% > 5%}),
     *     or empty when it is
     */
    public static Optional<Exclusion> exclusion(Trial t, AnalysisSettings settings) {
        List<String> reasons = new ArrayList<>(t.invalid());
        double rate = errorRate(t);
        if (rate > settings.maxErrorRate()) {
            String text = String.format(Locale.ROOT, "error rate %.1f%% > %s%%", rate * 100,
                    trim(settings.maxErrorRate() * 100));
            // the runner may have recorded the same rule already
            if (reasons.stream().noneMatch(r -> r.startsWith("error rate"))) {
                reasons.add(text);
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Exclusion(t.trial(), t.round(), reasons));
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
