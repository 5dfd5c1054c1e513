package dev.stackbench.cli;

import dev.stackbench.lab.LabException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stackbench} command: the only place that wires the boxes together.
 */
@Command(name = "stackbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Measure backend stacks instead of guessing.",
                "Runs the same API on contestant frameworks, drives load against them on this machine and reports"
                        + " what it measured.",
                "Start with 'stackbench run'; 'stackbench COMMAND --help' tells more about each command."},
        subcommands = {
                RunCommand.class,
                LoadCommand.class,
                SetupCommand.class,
                ContestantsCommand.class,
                VerifyCommand.class,
                ServeCommand.class,
                ReportCommand.class,
                CompareCommand.class,
                ClaimsCommand.class,
                DiffCommand.class,
                AdviseCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with Stackbench's error handling: user mistakes print one line
     * and exit with {@link ExitCode#USAGE}; {@link UserException}s print their message and exit
     * with their code; anything else is a bug and shows its stack trace.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new HelpDefaults());
        listExitCodes(cl);
        cl.setExitCodeExceptionMapper(t -> t instanceof UserException u ? u.exitCode().code()
                : t instanceof LabException l ? exitCode(l).code() : ExitCode.INTERNAL.code());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("stackbench: " + ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            e.flush();
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserException u) {
                commandLine.getErr().println("stackbench: " + u.getMessage());
                if (u.exitCode() == ExitCode.USAGE) {
                    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
                }
                commandLine.getErr().flush();
                return u.exitCode().code();
            }
            if (ex instanceof LabException l) {
                commandLine.getErr().println("stackbench: " + l.getMessage());
                commandLine.getErr().flush();
                return exitCode(l).code();
            }
            throw ex;
        });
        return cl;
    }

    /** Adds each command's exit codes to its help, from {@link ExitCode}, so the two never disagree. */
    private static void listExitCodes(CommandLine cl) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode code : exitCodes(cl.getCommandName())) {
            list.put(String.format(Locale.ROOT, "%3d", code.code()), meaning(cl.getCommandName(), code));
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
        cl.getSubcommands().values().forEach(Main::listExitCodes);
    }

    /** @return what {@code code} means for {@code command}: its general meaning, unless the command gives it its own */
    static String meaning(String command, ExitCode code) {
        if (command.equals("compare") && code == ExitCode.CHECK_FAILED) {
            return "with --fail-on-regression: a cell of B is slower than A";
        }
        return code.meaning();
    }

    /** @return the exit codes a command can end with, in the order its help lists them */
    static List<ExitCode> exitCodes(String command) {
        return switch (command) {
            case "run" -> List.of(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.ENVIRONMENT,
                    ExitCode.INTERNAL, ExitCode.INTERRUPTED);
            case "serve" -> List.of(ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.ENVIRONMENT, ExitCode.INTERNAL, ExitCode.INTERRUPTED);
            case "setup", "verify" -> List.of(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.ENVIRONMENT,
                    ExitCode.INTERNAL);
            case "compare" -> List.of(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.ENVIRONMENT, ExitCode.INTERNAL);
            case "diff" -> List.of(ExitCode.OK, ExitCode.DIFFERENT, ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.ENVIRONMENT,
                    ExitCode.INTERNAL);
            case "load" -> List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.ENVIRONMENT, ExitCode.THRESHOLD_FAILED, ExitCode.INTERNAL);
            case "report", "claims", "advise" -> List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.ENVIRONMENT, ExitCode.INTERNAL);
            default -> List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.INTERNAL);
        };
    }

    /** The exit code of a lab failure: the user's input, the machine, or a contestant. */
    static ExitCode exitCode(LabException e) {
        return switch (e.kind()) {
            case INPUT -> ExitCode.USAGE;
            case ENVIRONMENT -> ExitCode.ENVIRONMENT;
            case CONTESTANT -> ExitCode.CHECK_FAILED;
        };
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
