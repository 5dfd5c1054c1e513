package dev.stackbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the process exit code it would have had
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {
    /** The fake contestants of the lab module's tests (surefire runs in the module directory). */
    static final Path FAKE_CONTESTANTS = Path.of("../lab/src/test/resources/fake-contestants").toAbsolutePath().normalize();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
