package dev.stackbench.cli;

import dev.stackbench.lab.LabException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stackbench} command: the only place that wires the boxes together.
 */
@Command(name = "stackbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure backend stacks instead of guessing.",
        subcommands = {
                RunCommand.class,
                LoadCommand.class,
                SetupCommand.class,
                ContestantsCommand.class,
                VerifyCommand.class,
                ServeCommand.class,
                ReportCommand.class,
                CompareCommand.class,
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
