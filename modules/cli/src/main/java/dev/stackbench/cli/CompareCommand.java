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

/** {@code stackbench compare DIR_A DIR_B}: run B against run A, cell by cell, with noise-aware verdicts. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two results directories cell by cell.",
                "For each contestant x workload x level: the B/A ratios of req/s and p99, with a verdict faster /"
                        + " slower / same.",
                "'same' when the medians differ by less than " + AnalysisSettings.DEFAULT_SAME_WITHIN_PERCENT
                        + "%% or by less than the two cells' trial ranges together. Only fair on one machine:"
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
        return ExitCode.OK.code();
    }
}
