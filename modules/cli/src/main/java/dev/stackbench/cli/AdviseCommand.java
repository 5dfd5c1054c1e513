package dev.stackbench.cli;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.advise.Advice;
import dev.stackbench.analysis.advise.Advisor;
import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.analysis.advise.ProfileReader;
import dev.stackbench.analysis.advise.ProfileTemplate;
import dev.stackbench.config.ConfigException;
import dev.stackbench.report.AdviceReports;
import dev.stackbench.report.ChartLibrary;
import dev.stackbench.report.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stackbench advise PROFILE DIR...}: ranks the measured stacks against the user's project profile. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rank the measured stacks for your project's profile, with cost.",
                "Per contestant: capacity per core at your p99 target (the highest open-model rate whose p99 95%% interval"
                        + " stays under it), from the mix sent as one request mix ('stackbench run --profile'), or from older"
                        + " runs' workloads measured alone, combined by the harmonic rule; cores and memory for your peak with"
                        + " headroom, and the monthly cost (730 h). Ranked by that cost first, then by your weights for"
                        + " what the runs cannot see; each factor is its own column. Nothing is re-run.",
                "A workload measured only in the closed model gives a labelled estimate; 'stackbench advise --init"
                        + " FILE' writes a commented profile (docs/advise.md)."},
        footer = {"", "Examples:",
                "  stackbench advise --init profile.yaml",
                "  stackbench advise profile.yaml results/20250301T100000Z-full",
                "  stackbench advise profile.yaml results/A results/B --format html"})
final class AdviseCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "your project's profile (YAML)")
    Path profile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "DIR", description = "one or more results directories")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--init", paramLabel = "FILE", description = "write a commented profile template to FILE and stop")
    Path init;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ResultsInput.FormatConverter.class,
            description = "text, md, html or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE instead of standard output; html defaults to the first DIR's advice.html")
    Path output;

    @Option(names = "--locale", paramLabel = "TAG", converter = ResultsInput.LocaleConverter.class,
            description = "number format of the human formats, e.g. en-US, de-DE (default: the system's)")
    Locale locale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (init != null) {
            return writeTemplate();
        }
        if (profile == null || dirs.isEmpty()) {
            throw new UserException(ExitCode.USAGE, "advise needs a profile and at least one results directory, e.g."
                    + " stackbench advise profile.yaml results/<timestamp>-full; write a profile with --init FILE");
        }
        if (!Files.isRegularFile(profile)) {
            throw new UserException(ExitCode.USAGE, "no such profile: " + profile
                    + " (write one with: stackbench advise --init " + profile + ")");
        }
        Profile p;
        try {
            p = ProfileReader.read(profile);
        } catch (ConfigException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        List<Analysis> runs = dirs.stream().map(ResultsInput::analyse).toList();
        Advice advice = Advisor.advise(p, runs);
        Locale numbers = locale != null ? locale : Locale.getDefault(Locale.Category.FORMAT);
        String text = new AdviceReports(numbers, ChartLibrary.chartJs()).render(format, advice);
        Path target = output != null ? output : format == Format.HTML ? dirs.get(0).resolve("advice.html") : null;
        ResultsInput.write(text, target, spec.commandLine().getOut());
        if (target != null) {
            spec.commandLine().getOut().println("wrote " + target);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
    }

    private int writeTemplate() {
        if (profile != null || !dirs.isEmpty()) {
            throw new UserException(ExitCode.USAGE, "--init FILE writes a template and takes no PROFILE or DIR;"
                    + " run stackbench advise --init " + init + " alone");
        }
        if (Files.exists(init)) {
            throw new UserException(ExitCode.USAGE, init + " exists; --init never overwrites: pass another path or remove it");
        }
        ResultsInput.write(ProfileTemplate.text(), init, spec.commandLine().getOut());
        spec.commandLine().getOut().println("wrote " + init + ": edit it, then run: stackbench advise " + init
                + " results/<timestamp>-full");
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
