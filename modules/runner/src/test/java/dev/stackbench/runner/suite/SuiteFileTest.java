package dev.stackbench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.config.ConfigException;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteFileTest {
    private static final String OK = "name: x\nworkloads: [json]\nlevels: [{connections: 1}]\n";
    private static final String REALTIME = "name: x\nworkloads: [realtime]\n";
    private static final String BLOCKING = "name: x\nworkloads: [blocking]\n";

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), yaml);
    }

    @Test
    void aFullSuiteFileIsRead() throws IOException {
        Suite s = new SuiteFile(write("""
                name: my-suite
                contestants: [express, fastapi]
                workloads: [json, user]
                levels:
                  - connections: 64
                  - {rate: 2000}
                openConnections: 128
                curve: {fractions: [0.5, 1.0]}
                trials: 3
                warmup: 5s
                duration: 1.5m
                pause: 500ms
                timeout: 2s
                cpus: {generator: "0", server: "1"}
                params: {ioMillis: 20, cpuN: 100}
                """)).read();

        assertThat(s.name()).isEqualTo("my-suite");
        assertThat(s.contestants()).containsExactly("express", "fastapi");
        assertThat(s.workloads()).containsExactly(Workload.JSON, Workload.USER);
        assertThat(s.levels()).containsExactly(new LoadLevel.Closed(64), new LoadLevel.Open(2000));
        assertThat(s.openConnections()).isEqualTo(128);
        assertThat(s.curve()).hasValueSatisfying(c -> assertThat(c.fractions()).containsExactly(0.5, 1.0));
        assertThat(s.trials()).isEqualTo(3);
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.pause()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.cpus()).isEqualTo(new CpuSets("0", "1", "1"));
        assertThat(s.params()).isEqualTo(new WorkloadParams(20, 100));
        assertThat(s.params().paths(Workload.CPU)).containsExactly("/cpu?n=100");
        assertThat(s.params().paths(Workload.USER)).hasSize(10_000).startsWith("/api/users/1").endsWith("/api/users/10000");
    }

    @Test
    void leftOutFieldsTakeTheDocumentedDefaults() throws IOException {
        Suite s = new SuiteFile(write(OK + "cpus: {server: 1}\n")).read();
        assertThat(s.contestants()).isEmpty();
        assertThat(s.openConnections()).isEqualTo(256);
        assertThat(s.curve()).isEmpty();
        assertThat(s.trials()).isEqualTo(3);
        assertThat(List.of(s.warmup(), s.rewarm(), s.duration(), s.pause(), s.timeout()))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(s.cpus()).isEqualTo(new CpuSets("0", "1", "1"));
        assertThat(s.params()).isEqualTo(WorkloadParams.DEFAULT);
        assertThat(s.aa()).isEmpty();
        assertThat(new SuiteFile(write(OK + "contestants: [express, fastapi]\naa: express\n")).read().aa()).contains("express");
        assertThat(new SuiteFile(write("name: c\nworkloads: [io]\ncurve: {}\n")).read().curve()).contains(RateCurve.DEFAULT);
    }

    @Test
    void scalingAddsClosedCellsBesideTheMatrixForItsContestantsOnly() throws IOException {
        Suite s = new SuiteFile(write("""
                name: sc
                workloads: [json]
                levels: [{connections: 100}]
                scaling:
                  - {workloads: [json, io], connections: [10, 100, 10000], contestants: [fastify, django]}
                """)).read();
        assertThat(s.connectionCells()).containsExactly(new ConnectionCells(List.of(Workload.JSON, Workload.IO), List.of(10, 100, 10_000),
                List.of("fastify", "django")));
        // json at 100 is the matrix's: measured once
        assertThat(s.connectionCellsOf("django")).extracting(c -> c.workload().label() + " " + c.level().label())
                .containsExactly("json c10", "json c10000", "io c10", "io c100", "io c10000");
        assertThat(s.connectionCellsOf("express")).isEmpty();
        assertThat(s.trialsOf("django")).isEqualTo(3 * 6);
        assertThat(s.trialsOf("express")).isEqualTo(3);
        assertThat(s.allLevels()).containsExactly(new LoadLevel.Closed(100), new LoadLevel.Closed(10), new LoadLevel.Closed(10_000));
        assertThat(s.withWorkloads(List.of(Workload.IO)).connectionCellsOf("django")).extracting(c -> c.workload().label() + " " + c.level().label())
                .containsExactly("io c10", "io c100", "io c10000");
    }

    @Test
    void realtimeAndBlockingAreWorkloadsWithTheirOwnSettingsAndNeedNoLevels() throws IOException {
        Suite s = new SuiteFile(write("""
                name: rt
                workloads: [json, realtime, blocking]
                levels: [{connections: 10}]
                realtime: {subscribers: [100, 1000], publishRate: 20}
                blocking: {rate: 300, cpuPercent: 10}
                """)).read();
        assertThat(s.workloads()).containsExactly(Workload.JSON);
        assertThat(s.realtime()).contains(new RealtimeCells(List.of(100, 1000), 20));
        assertThat(s.realtime().orElseThrow().levels()).containsExactly(new LoadLevel.Fanout(100, 20), new LoadLevel.Fanout(1000, 20));
        assertThat(s.blocking()).contains(new BlockingCells(300, 10));
        // json c10 x 1, two fan-out cells, json alone at 300 req/s and the mix
        assertThat(s.trialsPerContestant()).isEqualTo(5 * 3);

        Suite defaults = new SuiteFile(write("name: d\nworkloads: [realtime, blocking]\n")).read();
        assertThat(defaults.workloads()).isEmpty();
        assertThat(defaults.levels()).isEmpty();
        assertThat(defaults.realtime()).contains(new RealtimeCells(List.of(100, 1_000, 10_000), 10));
        assertThat(defaults.blocking()).contains(BlockingCells.DEFAULT);
        assertThat(new SuiteFile(write(OK)).read().realtime()).isEmpty();
    }

    /** Every mistake docs/suites.md lists, with the text it promises (the file there is named s.yaml). */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("name: x\nworkloads: [json\n",
                        "not valid YAML (line 3, column 1): expected ',' or ']', but got <stream end> (while parsing a flow sequence)"),
                Arguments.of("", "the file is empty; expected the fields of docs/suites.md: name, workloads, levels, ..."),
                Arguments.of(OK + "trails: 3\n", "unknown field 'trails'; expected one of name, contestants, workloads, levels,"
                        + " openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params, realtime, blocking, aa, scaling"),
                Arguments.of(OK + "contestants: [express, fastapi]\naa: fastify\n",
                        "aa is \"fastify\"; expected one of the suite's contestants [express, fastapi]"),
                Arguments.of(OK + "aa: [fastify]\n", "aa is a list [\"fastify\"]; expected a contestant id such as fastify"),
                Arguments.of(OK + "scaling: [{workloads: [json], connections: [10, 10]}]\n",
                        "scaling[0].connections[1] is 10; expected a connection count not listed before"),
                Arguments.of(OK + "contestants: [express]\nscaling: [{workloads: [io], connections: [10], contestants: [django]}]\n",
                        "scaling[0].contestants[0] is \"django\"; expected one of the suite's contestants [express]"),
                Arguments.of("workloads: [json]\nlevels: [{connections: 1}]\n",
                        "missing field 'name'; expected lower-case letters, digits and dashes, e.g. my-suite"),
                Arguments.of(OK.replace("name: x", "name: My Suite"),
                        "name is \"My Suite\"; expected lower-case letters, digits and dashes, e.g. my-suite"),
                Arguments.of(OK + "contestants: express\n",
                        "contestants is \"express\"; expected a list of contestant ids, e.g. [express, fastapi]"),
                Arguments.of("name: x\nlevels: [{connections: 1}]\n", "missing field 'workloads'; expected a list such as [json, user, io, cpu, realtime, blocking]"),
                Arguments.of(OK.replace("[json]", "[json, graphql]"),
                        "workloads[1] is \"graphql\"; expected one of json, user, io, cpu, realtime, blocking"),
                Arguments.of("name: x\nworkloads: [json]\n",
                        "missing field 'levels'; expected a list such as [{connections: 64}, {rate: 2000}]"),
                Arguments.of(OK.replace("{connections: 1}", "{connections: 64, rate: 2000}"),
                        "levels[0] is a mapping {\"connections\":64,\"rate\":2000}; expected {connections: N} or {rate: R}"),
                Arguments.of(OK.replace("{connections: 1}", "{conections: 64}"),
                        "unknown field 'levels[0].conections'; expected one of connections, rate"),
                Arguments.of(OK.replace("{connections: 1}", "{connections: 0}"), "levels[0].connections is 0; expected a whole number >= 1"),
                Arguments.of(OK.replace("{connections: 1}", "{connections: 1}, {rate: fast}"),
                        "levels[1].rate is \"fast\"; expected requests per second > 0"),
                Arguments.of(OK + "openConnections: 0\n", "openConnections is 0; expected a whole number >= 1"),
                Arguments.of(OK + "curve: {fractions: [0.5, -0.5]}\n",
                        "curve.fractions[1] is -0.5; expected a fraction of the best closed-model rate > 0, e.g. 0.5"),
                Arguments.of(OK + "trials: three\n", "trials is \"three\"; expected a whole number >= 1"),
                Arguments.of(OK + "duration: ten\n", "duration is \"ten\"; expected a duration such as 500ms, 10s or 2m"),
                Arguments.of(OK + "duration: 0s\n", "duration is \"0s\"; expected a duration > 0 such as 500ms, 10s or 2m"),
                Arguments.of(OK + "cpus: {server: one}\n", "cpus.server is \"one\"; expected CPU numbers and ranges such as 1 or 0-3,6"),
                Arguments.of(OK + "cpus: {db: \"1\"}\n", "unknown field 'cpus.db'; expected one of generator, server, database"),
                Arguments.of(OK + "params: {ioMillis: 20000}\n", "params.ioMillis is 20000; expected a whole number from 0 to 10000"),
                Arguments.of(OK + "realtime: {subscribers: [100]}\n",
                        "realtime is given but workloads does not list realtime; expected realtime in workloads, e.g. [json, realtime]"),
                Arguments.of(REALTIME + "realtime: {subscriber: [100]}\n",
                        "unknown field 'realtime.subscriber'; expected one of subscribers, publishRate"),
                Arguments.of(REALTIME + "realtime: {subscribers: [100, 0]}\n",
                        "realtime.subscribers[1] is 0; expected a whole number from 1 to 100000"),
                Arguments.of(REALTIME + "realtime: {subscribers: [100, 100]}\n",
                        "realtime.subscribers[1] is 100; expected a subscriber count not listed before"),
                Arguments.of(REALTIME + "realtime: {publishRate: 0}\n", "realtime.publishRate is 0; expected messages per second > 0"),
                Arguments.of(BLOCKING + "blocking: {rate: fast}\n", "blocking.rate is \"fast\"; expected requests per second > 0"),
                Arguments.of(BLOCKING + "blocking: {cpuPercent: 80}\n", "blocking.cpuPercent is 80; expected a whole number from 1 to 50"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void everyMistakeIsOneLineWithTheFileTheFieldTheValueAndWhatWasExpected(String yaml, String problem) throws IOException {
        Path f = write(yaml);
        assertThatThrownBy(() -> new SuiteFile(f).read()).isInstanceOf(ConfigException.class)
                .hasMessage("suite file '" + f + "': " + problem);
    }

    @Test
    void docsSuitesListsEveryMistakeWithItsExactText() throws IOException {
        String doc = Files.readString(Path.of("../../docs/suites.md"));
        mistakes().forEach(m -> assertThat(doc).contains("`suite file 's.yaml': " + m.get()[1] + "`"));
        assertThat(doc).contains("`suite 'quik' is neither a built-in suite (quick, seed-table, full, claims, scaling) nor a readable YAML file`");
    }

    @Test
    void builtInSuitesAreFoundByName() {
        assertThat(Suites.resolve("quick").levels()).containsExactly(new LoadLevel.Closed(100));
        assertThat(Suites.resolve("seed-table").workloads()).containsExactly(Workload.JSON);
        assertThat(Suites.resolve("full").curve()).isPresent();
        assertThatThrownBy(() -> Suites.resolve("quik"))
                .hasMessage("suite 'quik' is neither a built-in suite (quick, seed-table, full, claims, scaling) nor a readable YAML file");
        assertThat(Suites.QUICK.withWorkloads(List.of(Workload.IO)).workloads()).containsExactly(Workload.IO);
    }
}
