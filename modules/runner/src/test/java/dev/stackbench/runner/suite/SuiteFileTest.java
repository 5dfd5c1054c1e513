package dev.stackbench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), yaml);
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
        assertThat(s.cpus()).isEqualTo(new CpuSets("0", "1", "1"));
        assertThat(s.params()).isEqualTo(new WorkloadParams(20, 100));
        assertThat(s.params().paths(Workload.CPU)).containsExactly("/cpu?n=100");
        assertThat(s.params().paths(Workload.USER)).hasSize(10_000).startsWith("/api/users/1").endsWith("/api/users/10000");
    }

    @Test
    void mistakesNameTheFileTheFieldAndTheValue() throws IOException {
        Path f = write("name: x\nworkloads: [json]\nlevels: [{connections: 1}]\ntrails: 3\n");
        assertThatThrownBy(() -> new SuiteFile(f).read()).hasMessage("suite file '" + f + "' has an unknown field 'trails': expected one of "
                + "contestants, cpus, curve, duration, levels, name, openConnections, params, pause, timeout, trials, warmup, workloads");
        Path g = write("name: x\nworkloads: [json, graphql]\nlevels: [{connections: 1}]\n");
        assertThatThrownBy(() -> new SuiteFile(g).read())
                .hasMessage("suite file '" + g + "' field 'workloads': unknown workload 'graphql': expected one of json, user, io, cpu");
        Path h = write("name: x\nworkloads: [json]\nlevels: [{connections: 1}]\nduration: ten\n");
        assertThatThrownBy(() -> new SuiteFile(h).read())
                .hasMessage("suite file '" + h + "' field 'duration' is 'ten': expected a duration such as 500ms, 10s or 2m");
        Path i = write("name: x\nworkloads: [json]\nlevels: [{connections: 0}]\n");
        assertThatThrownBy(() -> new SuiteFile(i).read())
                .hasMessage("suite file '" + i + "' a level in 'levels' has connections '0': expected a whole number >= 1");
        Path j = write("name: x\nworkloads: [json]\n");
        assertThatThrownBy(() -> new SuiteFile(j).read())
                .hasMessage("suite file '" + j + "' field 'levels' is missing: expected a list such as [{connections: 64}, {rate: 2000}]");
        Path k = write("name: x\nworkloads: [json]\nlevels: [{connections: 1}]\ncpus: {server: one}\n");
        assertThatThrownBy(() -> new SuiteFile(k).read()).hasMessageStartingWith("suite file '" + k + "' field 'cpus.server': CPU set \"one\"");
    }

    @Test
    void builtInSuitesAreFoundByName() {
        assertThat(Suites.resolve("quick").levels()).containsExactly(new LoadLevel.Closed(100));
        assertThat(Suites.resolve("seed-table").workloads()).containsExactly(Workload.JSON);
        assertThat(Suites.resolve("full").curve()).isPresent();
        assertThatThrownBy(() -> Suites.resolve("quik"))
                .hasMessage("suite 'quik' is neither a built-in suite (quick, seed-table, full) nor a readable YAML file");
        assertThat(Suites.QUICK.withWorkloads(List.of(Workload.IO)).workloads()).containsExactly(Workload.IO);
    }
}
