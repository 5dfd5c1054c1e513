package dev.stackbench.cli;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.report.Format;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.ResultsFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/**
 * What {@code report} and {@code compare} share: opening and analysing a results directory with
 * the exit codes of its failures, the {@code --format} converter and writing the output.
 */
final class ResultsInput {
    private ResultsInput() {
    }

    /**
     * @throws UserException USAGE for a missing path or a directory that is not a results directory
     *     (or holds a broken one), ENVIRONMENT for one written by a newer Stackbench
     */
    static Analysis analyse(Path dir) {
        try {
            ResultsDirectory results = ResultsDirectory.open(dir);
            return Analyzer.analyze(results.run(),
                    trial -> results.histograms(trial).map(h -> h.of(trial)), AnalysisSettings.DEFAULTS);
        } catch (ResultsFormatException e) {
            ExitCode code = e.kind() == ResultsFormatException.Kind.NEWER_SCHEMA ? ExitCode.ENVIRONMENT : ExitCode.USAGE;
            throw new UserException(code, e.getMessage());
        }
    }

    /** Writes to the file when given, else to the command's standard output. */
    static void write(String text, Path file, PrintWriter out) {
        if (file == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code --format}; picocli turns the exception into a one-line usage error. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@code --locale} as a BCP 47 tag ({@code en-US}, {@code de-DE}, {@code und} for none). */
    static final class LocaleConverter implements CommandLine.ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            Locale locale = Locale.forLanguageTag(value);
            if (locale.getLanguage().isEmpty() && !value.equals("und")) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a language tag; use e.g. en-US, de-DE, or und for plain numbers");
            }
            return locale;
        }
    }
}
