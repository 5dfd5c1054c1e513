package dev.stackbench.cli;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.runner.scenario.ThresholdParser;
import dev.stackbench.runner.gate.CellGate;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code --threshold} on a run's cells, shared by {@code run} and {@code report}: parse, check, print. */
final class CellGateOptions {
    @Option(names = "--threshold", paramLabel = "[WORKLOAD:]METRIC OP VALUE", showDefaultValue = Visibility.NEVER,
            description = "A pass/fail criterion on every cell (or one workload's), on the median of its trials:"
                    + " METRIC is one of p50, p90, p99, p99.9, mean, errors, rate (open-model levels), rps; e.g. 'p99<50ms',"
                    + " 'errors<1%%', 'rate>=0.97', 'json:rps>5000'; repeatable. When one fails, exit code 4.")
    List<String> texts = new ArrayList<>();

    /** @return the thresholds, checked before anything starts; a mistake is a usage error naming it */
    List<Threshold> parse() {
        List<Threshold> out = new ArrayList<>();
        try {
            for (String t : texts) {
                out.add(ThresholdParser.parse(t, "--threshold '" + t + "'"));
            }
            CellGate.requireSupported(out);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        return out;
    }

    /**
     * Prints every failed check and a count, after the report.
     *
     * @return {@link ExitCode#OK}, or {@link ExitCode#THRESHOLD_FAILED} with one line on {@code err}
     */
    ExitCode apply(Analysis analysis, List<Threshold> thresholds, PrintWriter out, PrintWriter err) {
        if (thresholds.isEmpty()) {
            return ExitCode.OK;
        }
        List<CellGate.Outcome> outcomes = CellGate.check(analysis, thresholds);
        List<CellGate.Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        out.println();
        out.println("Thresholds: " + (outcomes.size() - failed.size()) + " of " + outcomes.size() + " checks passed ("
                + thresholds.size() + " threshold" + (thresholds.size() == 1 ? "" : "s") + " x the cells each applies to)");
        failed.forEach(o -> out.println("  " + o.describe()));
        out.flush();
        if (failed.isEmpty()) {
            return ExitCode.OK;
        }
        err.println("stackbench: " + failed.size() + " of " + outcomes.size() + " threshold checks failed: "
                + String.join(", ", failed.stream().map(o -> o.threshold() + " (" + o.cell() + ")").limit(5).toList())
                + (failed.size() > 5 ? ", ..." : ""));
        err.flush();
        return ExitCode.THRESHOLD_FAILED;
    }
}
