package dev.stackbench.cli;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.report.ChartLibrary;
import dev.stackbench.report.Format;
import dev.stackbench.report.Reports;
import java.nio.file.Path;
import dev.stackbench.loadgen.Threshold;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stackbench report DIR}: re-renders a results directory without re-running anything. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the report of a results directory.",
                "Tables per workload and load level with medians and ratios and their 95%% confidence intervals, noise"
                        + " marks (a cell is noisy when the coefficient of variation of its trials is above "
                        + AnalysisSettings.DEFAULT_NOISY_PERCENT + "%%) and the seed-table check; HTML adds charts and"
                        + " works offline. Nothing is re-run.",
                "Trials that are invalid or whose error rate is above " + AnalysisSettings.DEFAULT_MAX_ERROR_PERCENT
                        + "%% are reported, never ranked.",
                "Human formats (text, md, html tables) use --locale; json always uses plain numbers."},
        footer = {"", "Examples:",
                "  stackbench report results/20250301T100000Z-seed-table",
                "  stackbench report results/20250301T100000Z-seed-table --format html",
                "  stackbench report results/20250301T100000Z-seed-table --format md -o R.md",
                "  stackbench report results/20250301T100000Z-quick --threshold 'p99<50ms'"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a results directory (results/<timestamp>-<suite>/)")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ResultsInput.FormatConverter.class,
            description = "text, md, html or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE instead of standard output; html defaults to DIR/report.html")
    Path output;

    @Option(names = "--locale", paramLabel = "TAG", converter = ResultsInput.LocaleConverter.class,
            description = "number format of the human formats, e.g. en-US, de-DE (default: the system's)")
    Locale locale;

    @Mixin
    CellGateOptions gate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Threshold> thresholds = gate.parse();
        Analysis analysis = ResultsInput.analyse(dir);
        Locale numbers = locale != null ? locale : Locale.getDefault(Locale.Category.FORMAT);
        String text = new Reports(numbers, ChartLibrary.chartJs()).render(format, analysis);
        Path target = output != null ? output : format == Format.HTML ? dir.resolve("report.html") : null;
        ResultsInput.write(text, target, spec.commandLine().getOut());
        if (target != null) {
            spec.commandLine().getOut().println("wrote " + target);
            spec.commandLine().getOut().flush();
        }
        return gate.apply(analysis, thresholds, spec.commandLine().getOut(), spec.commandLine().getErr()).code();
    }
}
