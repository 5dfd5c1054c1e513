package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's {@code --help}: exit 0, nothing on stderr, and exactly the text of its golden
 * file under {@code src/test/resources/help/} (as picocli's own tests assert whole help texts).
 *
 * <p>To accept a deliberate change: {@code mvn test -pl modules/cli -Dtest=HelpTest -Dstackbench.golden.update=true},
 * then review the diff of the golden files.
 */
class HelpTest {
    private static final boolean UPDATE = Boolean.getBoolean("stackbench.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/help");
    private static final List<String> COMMANDS = List.of("run", "load", "setup", "contestants", "verify", "serve", "report", "compare", "claims", "diff", "advise", "help");

    @ParameterizedTest
    @ValueSource(strings = {"stackbench", "run", "load", "setup", "contestants", "verify", "serve", "report", "compare", "claims", "diff", "advise", "help"})
    void helpPrintsExactlyItsGoldenTextAndExitsZero(String command) throws IOException {
        CliRun run = command.equals("stackbench") ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Path golden = GOLDEN.resolve(command + ".txt");
        if (UPDATE) {
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(run.out()).as("%s (update with -Dstackbench.golden.update=true)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void loadHelpNeedsNoUrl() {
        CliRun help = CliRun.of("load", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: stackbench load [-hV]");
        CliRun missing = CliRun.of("load");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).isEqualTo("stackbench: Missing required parameter: 'URL'\nTry 'stackbench load --help' for usage.\n");
    }

    @Test
    void theHelpCommandAndHelpOptionPrintTheSameText() {
        for (String command : COMMANDS) {
            if (!command.equals("help")) {
                assertThat(CliRun.of("help", command).out()).as(command).isEqualTo(CliRun.of(command, "--help").out());
            }
        }
    }

    @Test
    void theCommandListGivesEachCommandOneCompleteSentence() {
        List<String> listed = CliRun.of("--help").out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> !l.isEmpty()).toList();
        assertThat(listed).hasSize(COMMANDS.size());
        for (int i = 0; i < COMMANDS.size(); i++) {
            assertThat(listed.get(i)).matches("  " + COMMANDS.get(i) + " +[A-Z].*[a-z]\\.");
        }
    }

    @Test
    void defaultsAreQuotedInTheFormTheOptionsAccept() {
        for (String command : COMMANDS) {
            String help = CliRun.of(command, "--help").out();
            assertThat(help).as(command).doesNotContain("Default: []").doesNotContainPattern("PT\\d").doesNotContain("Default: null");
        }
        assertThat(CliRun.of("load", "--help").out()).contains("Default: 10s");
        // what the help quotes, the option reads back
        assertThat(CliRun.of("load", "--duration", "1m", "http://[").err()).doesNotContain("--duration");
    }

    @Test
    void everyCommandListsTheExitCodesItCanEndWith() {
        assertThat(CliRun.of("run", "--help").out()).contains("""
                Exit codes:
                    0   done as asked
                    1   a contestant failed: not installed, failed verification or not measured
                    2   a wrong option, argument or input file; nothing was run
                    3   the machine lacks something: a program, CPUs, a free port, open files
                   70   a bug in Stackbench: please report it with its stack trace
                  130   interrupted (Ctrl-C); what was measured is kept
                """);
    }
}
