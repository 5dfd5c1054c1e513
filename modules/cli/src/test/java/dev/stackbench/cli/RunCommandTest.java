package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact error text and exit code of {@code stackbench run}'s mistakes; nothing is started. */
class RunCommandTest {

    @Test
    void unknownSuiteIsAUsageError() {
        CliRun r = CliRun.of("run", "--suite", "quik");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: suite 'quik' is neither a built-in suite (quick, seed-table, full, claims, scaling) nor a readable YAML file\n");
    }

    @Test
    void aSuiteFileMistakeIsOneUsageLineNamingFileFieldAndValue(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "name: s\nworkloads: [json]\nlevels: [{connections: 8}]\ntrials: three\n");
        CliRun r = CliRun.of("run", "--suite", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("stackbench: suite file '" + file + "': trials is \"three\"; expected a whole number >= 1\n"
                + "Try 'stackbench run --help' for usage.\n");
        Files.writeString(file, "name: s\ncontestants: express\nworkloads: [json]\nlevels: [{connections: 8}]\n");
        assertThat(CliRun.of("run", "--suite", file.toString()).err()).startsWith("stackbench: suite file '" + file
                + "': contestants is \"express\"; expected a list of contestant ids, e.g. [express, fastapi]\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownWorkloadIsAUsageError() {
        CliRun r = CliRun.of("run", "--workloads", "json,graphql");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: unknown workload 'graphql': expected one of json, user, io, cpu\n");
    }

    @Test
    void overlappingCpuSetsAreRefused() {
        CliRun r = CliRun.of("run", "--generator-cpus", "0", "--server-cpus", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: --generator-cpus 0 and --server-cpus 0 overlap: the generator would take the "
                + "server's CPU; choose disjoint sets, e.g. --generator-cpus 0 --server-cpus 1\n");
    }

    @Test
    void badCpuListIsRefused() {
        CliRun r = CliRun.of("run", "--server-cpus", "one");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: --server-cpus \"one\": expected CPU numbers and ranges such as 1 or 0-3,6\n");
    }

    @Test
    void anAaPairOutsideTheContestantsOrNotAnIdIsRefused() {
        CliRun r = CliRun.of("run", "--contestants", "express,fastapi", "--aa", "fastify");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("stackbench: --aa fastify is not among the contestants to measure [express, fastapi];"
                + " name one of them, or add it to --contestants\n");
        assertThat(CliRun.of("run", "--aa", "Fastify!").err())
                .startsWith("stackbench: --aa 'Fastify!' is not a contestant id; expected an id such as fastify, or none\n");
    }
}
