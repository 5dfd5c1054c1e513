package dev.stackbench.cli;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.report.ChartLibrary;
import dev.stackbench.report.Format;
import dev.stackbench.report.Reports;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stackbench compare DIR_A DIR_B}: run B against run A, cell by cell, with verdicts from the
 * interval of the ratio B/A. Exit codes: {@link ExitCode#OK}; {@link ExitCode#CHECK_FAILED} with
 * {@code --fail-on-regression} when a cell is slower; usage and environment errors as every command.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two results directories cell by cell.",
                "For each contestant x workload x level: the B/A ratios of req/s and p99 with their 95%% confidence"
                        + " intervals, and a verdict faster / slower / same / unsure: faster or slower when the interval"
                        + " excludes 1; 'same' when it lies within +-" + AnalysisSettings.DEFAULT_SAME_WITHIN_PERCENT
                        + "%%; 'unsure' otherwise; no verdict when a side has fewer than "
                        + AnalysisSettings.DEFAULT_MIN_TRIALS_FOR_VERDICT + " ranked trials. Only fair on one machine:"
                        + " changed versions and environment are listed."},
        footer = {"", "Example:",
                "  stackbench compare results/20250301T100000Z-seed-table \\",
                "      results/20250308T100000Z-seed-table"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR_A", description = "the baseline results directory")
    Path a;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "the results directory to compare with it")
    Path b;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ResultsInput.FormatConverter.class,
            description = "text, md or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Option(names = "--locale", paramLabel = "TAG", converter = ResultsInput.LocaleConverter.class,
            description = "number format of text and md, e.g. en-US, de-DE (default: the system's)")
    Locale locale;

    @Option(names = "--fail-on-regression",
            description = "exit with 1 when any cell of B is slower than A (req/s or p99), e.g. in CI")
    boolean failOnRegression;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.supportsComparison()) {
            throw new UserException(ExitCode.USAGE, "compare writes text, md or json, not " + format
                    + "; for charts of one run use 'stackbench report DIR --format html'");
        }
        Comparison comparison = Comparison.of(ResultsInput.analyse(a), ResultsInput.analyse(b),
                AnalysisSettings.DEFAULTS);
        Locale numbers = locale != null ? locale : Locale.getDefault(Locale.Category.FORMAT);
        String text = new Reports(numbers, ChartLibrary.chartJs()).compare(format, comparison);
        ResultsInput.write(text, output, spec.commandLine().getOut());
        if (output != null) {
            spec.commandLine().getOut().println("wrote " + output);
            spec.commandLine().getOut().flush();
        }
        if (failOnRegression && comparison.regressed()) {
            spec.commandLine().getErr().println("stackbench: B is slower than A in at least one cell"
                    + " (--fail-on-regression)");
            spec.commandLine().getErr().flush();
            return ExitCode.CHECK_FAILED.code();
        }
        return ExitCode.OK.code();
    }
}
