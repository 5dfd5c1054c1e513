package dev.stackbench.analysis.diff;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Verdict;
import java.util.List;

/**
 * The performance half of {@code stackbench diff --load}: new over old (B/A) for throughput and
 * p99, from trials interleaved in rounds, each ratio {@link Ratio.Method#PAIRED_ROUNDS paired by
 * round} (a t-interval on the logs of the per-round ratios, docs/reports.md), with the verdict
 * rules of {@code compare}: fewer than {@link AnalysisSettings#minTrialsForVerdict()} rounds with a
 * usable trial on both sides, no verdict; interval within the ±{@link AnalysisSettings#sameWithin()}
 * margin, same; interval excluding 1, faster or slower; else unsure. A round whose trial on either
 * side has an error rate above {@link AnalysisSettings#maxErrorRate()} is left out. The p99 gives no
 * verdict when a trial recorded fewer than {@link PercentileFigure#needed(double)} values (1,000 for p99), and a
 * lower-bound p99 keeps a verdict only on the side that is already the worse.
 *
 * @param throughput new/old req/s; FASTER means the new backend serves more
 * @param p99        new/old p99; FASTER means the new backend's p99 is lower
 * @param rounds     rounds whose trials on both sides are usable
 */
public record LoadComparison(Judgement throughput, Judgement p99, int rounds) {

    /**
     * @param old old backend's trials, one per round
     * @param neu new backend's trials, the same rounds in the same order
     */
    public static LoadComparison of(List<LoadRound> old, List<LoadRound> neu, AnalysisSettings settings) {
        if (old.size() != neu.size()) {
            throw new IllegalArgumentException("old has " + old.size() + " rounds, new " + neu.size() + "; they must pair up");
        }
        int n = old.size();
        double[] ta = new double[n];
        double[] tb = new double[n];
        double[] pa = new double[n];
        double[] pb = new double[n];
        int usable = 0;
        boolean fewValues = false;
        boolean boundA = false;
        boolean boundB = false;
        for (int i = 0; i < n; i++) {
            LoadRound a = old.get(i);
            LoadRound b = neu.get(i);
            boolean ok = a.errorRate() <= settings.maxErrorRate() && b.errorRate() <= settings.maxErrorRate()
                    && a.throughputPerSecond() > 0 && b.throughputPerSecond() > 0;
            ta[i] = ok ? a.throughputPerSecond() : Double.NaN;
            tb[i] = ok ? b.throughputPerSecond() : Double.NaN;
            pa[i] = ok && a.p99Micros() > 0 ? a.p99Micros() : Double.NaN;
            pb[i] = ok && b.p99Micros() > 0 ? b.p99Micros() : Double.NaN;
            if (ok) {
                usable++;
                long needed = PercentileFigure.needed(99);
                fewValues |= a.latencyCount() < needed || b.latencyCount() < needed;
                boundA |= a.p99LowerBound();
                boundB |= b.p99LowerBound();
            }
        }
        Judgement throughput = judge(Ratio.paired(tb, ta), usable, true, settings);
        Judgement p99 = judge(Ratio.paired(pb, pa), usable, false, settings);
        if (p99.reason() != Judgement.Reason.TOO_FEW_TRIALS) {
            if (fewValues) {
                p99 = new Judgement(Verdict.UNSURE, p99.ratio(), Judgement.Reason.TOO_FEW_VALUES, usable, usable);
            } else if (boundA || boundB) {
                // a lower bound can only be higher in truth: "new is slower" stands if old is exact, and vice versa
                boolean holds = p99.verdict() == Verdict.SLOWER && !boundA || p99.verdict() == Verdict.FASTER && !boundB;
                if (!holds) {
                    p99 = new Judgement(Verdict.UNSURE, p99.ratio(), Judgement.Reason.CENSORED, usable, usable);
                }
            }
        }
        return new LoadComparison(throughput, p99, usable);
    }

    private static Judgement judge(Ratio ratio, int rounds, boolean higherIsBetter, AnalysisSettings settings) {
        if (rounds < settings.minTrialsForVerdict() || ratio.method() != Ratio.Method.PAIRED_ROUNDS) {
            return new Judgement(Verdict.UNSURE, ratio, Judgement.Reason.TOO_FEW_TRIALS, rounds, rounds);
        }
        if (ratio.withinMargin(settings.sameWithin())) {
            return new Judgement(Verdict.SAME, ratio, Judgement.Reason.WITHIN_MARGIN, rounds, rounds);
        }
        if (ratio.excludesOne()) {
            boolean newHigher = ratio.estimate() > 1;
            return new Judgement(newHigher == higherIsBetter ? Verdict.FASTER : Verdict.SLOWER, ratio,
                    Judgement.Reason.INTERVAL_EXCLUDES_ONE, rounds, rounds);
        }
        return new Judgement(Verdict.UNSURE, ratio, Judgement.Reason.INTERVAL_CONTAINS_ONE, rounds, rounds);
    }
}
