package dev.stackbench.cli;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.claims.CatalogReader;
import dev.stackbench.analysis.claims.ClaimsCatalog;
import dev.stackbench.analysis.claims.ClaimsJudge;
import dev.stackbench.config.ConfigException;
import dev.stackbench.report.ChartLibrary;
import dev.stackbench.report.Format;
import dev.stackbench.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stackbench claims DIR}: the articles' claims judged on a results directory, nothing re-run. */
@Command(name = "claims", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fact-check the seed articles' claims against a results directory.",
                "One row per claim of the catalog (claims/claims.yaml): the quote, the verdict (holds, fails, depends,"
                        + " inconclusive on this run, not measurable on this machine, not a performance claim), the"
                        + " evidence (medians and paired-by-round ratios with their 95%% intervals, and the cells they"
                        + " come from) and the caveats. A claim holds or fails only when every interval lies beyond its"
                        + " threshold; docs/claims.md gives the rules. Nothing is re-run.",
                "Human formats (text, md, html) use --locale; json always uses plain numbers."},
        footer = {"", "Examples:",
                "  stackbench run --suite claims",
                "  stackbench claims results/20250301T100000Z-claims",
                "  stackbench claims results/20250301T100000Z-claims --format md -o CLAIMS.md"})
final class ClaimsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a results directory (results/<timestamp>-<suite>/)")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ResultsInput.FormatConverter.class,
            description = "text, md, html or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE instead of standard output; html defaults to DIR/claims.html")
    Path output;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "the claims catalog (default: claims/claims.yaml of this Stackbench)")
    Path catalog;

    @Option(names = "--locale", paramLabel = "TAG", converter = ResultsInput.LocaleConverter.class,
            description = "number format of the human formats, e.g. en-US, de-DE (default: the system's)")
    Locale locale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = catalog != null ? catalog : defaultCatalog(System.getProperty(LabDefaults.HOME_PROPERTY));
        if (!Files.isRegularFile(file)) {
            throw new UserException(ExitCode.USAGE, "no claims catalog at " + file
                    + " (expected claims/claims.yaml of the Stackbench checkout); name one with --catalog FILE");
        }
        ClaimsCatalog claims;
        try {
            claims = CatalogReader.read(file);
        } catch (ConfigException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        Analysis analysis = ResultsInput.analyse(dir);
        Locale numbers = locale != null ? locale : Locale.getDefault(Locale.Category.FORMAT);
        String text = new Reports(numbers, ChartLibrary.chartJs()).claims(format, ClaimsJudge.judge(claims, analysis));
        Path target = output != null ? output : format == Format.HTML ? dir.resolve("claims.html") : null;
        ResultsInput.write(text, target, spec.commandLine().getOut());
        if (target != null) {
            spec.commandLine().getOut().println("wrote " + target);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
    }

    /** @return $stackbench.home/claims/claims.yaml when the launcher set it, else ./claims/claims.yaml */
    static Path defaultCatalog(String home) {
        return home == null || home.isBlank() ? Path.of("claims", "claims.yaml") : Path.of(home, "claims", "claims.yaml");
    }
}
