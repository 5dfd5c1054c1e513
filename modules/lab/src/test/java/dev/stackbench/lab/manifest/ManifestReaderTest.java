package dev.stackbench.lab.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.ManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ManifestReaderTest {
    private static final String VALID = """
            id: express
            name: Express
            language: javascript
            variant: realistic
            runtime:
              name: Node.js
              version: [node, --version]
            framework:
              name: Express
              version: [node, -p, "require('express/package.json').version"]
            requires:
              commands: [node, npm]
              debian: []
            install:
              - [npm, ci, --omit=dev]
            check:
              - [node, -e, "require.resolve('express')"]
            start: [node, server.js, --port, "${PORT}", 5]
            env:
              NODE_ENV: production
              UV_THREADPOOL_SIZE: 4
            workers:
              perCpu: 1
              plus: 0
              source: https://expressjs.com/en/advanced/best-practice-performance.html
            ready: /json
            workloads: [json, user, io, cpu]
            sources:
              - "NODE_ENV=production: https://expressjs.com/"
            """;

    @TempDir
    Path root;

    private Path write(String id, String yaml) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id));
        return Files.writeString(dir.resolve("contestant.yaml"), yaml);
    }

    private String errorOf(String yaml) throws Exception {
        Path file = write("express", yaml);
        try {
            new ManifestReader().read(file);
        } catch (ManifestException e) {
            assertThat(e.getMessage()).startsWith(file + ": ");
            return e.getMessage().substring(file.toString().length() + 2);
        }
        throw new AssertionError("no error for\n" + yaml);
    }

    @Test
    void readsEveryFieldOfTheDocumentedExample() throws Exception {
        Manifest m = new ManifestReader().read(write("express", VALID));
        assertThat(m.id()).isEqualTo("express");
        assertThat(m.variant()).isEqualTo(Variant.REALISTIC);
        assertThat(m.runtime()).isEqualTo(new Component("Node.js", List.of("node", "--version")));
        assertThat(m.requires().commands()).containsExactly("node", "npm");
        assertThat(m.install()).containsExactly(List.of("npm", "ci", "--omit=dev"));
        assertThat(m.start()).containsExactly("node", "server.js", "--port", "${PORT}", "5");
        assertThat(m.env()).containsExactly(entry("NODE_ENV", "production"), entry("UV_THREADPOOL_SIZE", "4"));
        assertThat(m.workers()).isEqualTo(new WorkersRule(1, 0,
                "https://expressjs.com/en/advanced/best-practice-performance.html"));
        assertThat(m.workloads()).containsExactly(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU);
        assertThat(m.dir()).isEqualTo(root.resolve("express").toAbsolutePath());
    }

    @Test
    void namesFileFieldValueAndWhatWasExpected() throws Exception {
        assertThat(errorOf(VALID.replace("  perCpu: 1", "  perCpu: two")))
                .isEqualTo("workers.perCpu is \"two\"; expected a whole number >= 0");
        assertThat(errorOf(VALID.replace("start: [node, server.js, --port, \"${PORT}\", 5]\n", "")))
                .isEqualTo("missing field 'start'; expected the server's argv, e.g. [node, server.js]");
        assertThat(errorOf(VALID.replace("ready: /json", "ready: json")))
                .isEqualTo("ready is \"json\"; expected a path starting with /, e.g. /json");
        assertThat(errorOf(VALID.replace("workloads: [json, user, io, cpu]", "workloads: [json, db]")))
                .isEqualTo("workloads[1] is \"db\"; expected one of json, user, io, cpu, realtime");
        assertThat(errorOf(VALID.replace("variant: realistic", "variant: fast")))
                .isEqualTo("variant is \"fast\"; expected realistic or tuned");
        assertThat(errorOf(VALID.replace("ready: /json", "ready: /json\nworker: 2")))
                .isEqualTo("unknown field 'worker'; expected one of id, name, language, variant, runtime, framework,"
                        + " requires, install, check, start, env, workers, ready, workloads, notImplemented, sources");
        assertThat(errorOf(VALID.replace("id: express", "id: expres")))
                .isEqualTo("id is \"expres\"; expected the directory name \"express\"");
        assertThat(errorOf(VALID.replace("  - [npm, ci, --omit=dev]", "  - npm ci")))
                .isEqualTo("install[0] is \"npm ci\"; expected an argv list, e.g. [npm, ci]");
        assertThat(errorOf("id: [unclosed")).startsWith("not valid YAML (line ");
    }

    @Test
    void notImplementedGivesEachMissingWorkloadItsReason() throws Exception {
        Manifest m = new ManifestReader().read(write("express", VALID + "notImplemented:\n  realtime: \"no WebSocket server\"\n"));
        assertThat(m.notImplemented()).containsExactly(entry(Workload.REALTIME, "no WebSocket server"));
        assertThat(new ManifestReader().read(write("express", VALID)).notImplemented()).isEmpty();
        assertThat(errorOf(VALID + "notImplemented:\n  chat: \"no\"\n"))
                .isEqualTo("notImplemented names \"chat\"; expected one of json, user, io, cpu, realtime");
        assertThat(errorOf(VALID + "notImplemented:\n  cpu: \"no\"\n"))
                .isEqualTo("notImplemented names cpu, which workloads lists; expected only workloads the contestant"
                        + " does not implement");
        assertThat(errorOf(VALID + "notImplemented:\n  realtime: \"\"\n"))
                .startsWith("notImplemented.realtime ");
    }

    @Test
    void wrongTypesAreRefusedAsTheStrictReaderDoes() throws Exception {
        assertThat(errorOf(VALID.replace("start: [node, server.js, --port, \"${PORT}\", 5]", "start: node server.js")))
                .isEqualTo("start is \"node server.js\"; expected the server's argv, e.g. [node, server.js]");
        assertThat(errorOf(VALID.replace("  UV_THREADPOOL_SIZE: 4", "  UV_THREADPOOL_SIZE: [4]")))
                .isEqualTo("env.UV_THREADPOOL_SIZE is a list [4]; expected a string or number");
        assertThat(errorOf(VALID.replace("  plus: 0", "  plus: 0.5")))
                .isEqualTo("workers.plus is 0.5; expected a whole number (0 when absent)");
        assertThat(errorOf(VALID.replace("  commands: [node, npm]", "  commands: node")))
                .isEqualTo("requires.commands is \"node\"; expected a list of strings");
        assertThat(errorOf(VALID.replace("  name: Node.js\n", "  name: Node.js\n  vesion: [x]\n")))
                .isEqualTo("unknown field 'runtime.vesion'; expected one of name, version");
        assertThat(errorOf(VALID + "ready: /again\n")).startsWith("not valid YAML (line ").contains("Duplicate field 'ready'");
        assertThat(errorOf("")).isEqualTo("the file is empty; expected the fields of docs/contestants.md");
    }

    @Test
    void everyContestantOfTheProjectHasAValidManifest() {
        Catalog catalog = Catalog.load(Path.of("../../contestants"));
        assertThat(catalog.entries()).isNotEmpty();
        assertThat(catalog.entries()).allSatisfy(e -> assertThat(e)
                .as(e instanceof Catalog.Invalid i ? i.error().getMessage() : e.id()).isInstanceOf(Catalog.Valid.class));
    }

    @Test
    void workersRuleIsPerCpuTimesBudgetPlusAtLeastOne() {
        WorkersRule gunicorn = new WorkersRule(2, 1, "gunicorn docs");
        assertThat(gunicorn.workersFor(1)).isEqualTo(3);
        assertThat(gunicorn.workersFor(4)).isEqualTo(9);
        assertThat(new WorkersRule(1, 0, "node").workersFor(2)).isEqualTo(2);
        assertThat(new WorkersRule(0, 1, "one JVM").workersFor(8)).isEqualTo(1);
        assertThat(new WorkersRule(1, -4, "never below one").workersFor(2)).isEqualTo(1);
        assertThatThrownBy(() -> gunicorn.workersFor(0)).hasMessage("a CPU budget must be >= 1 core, got 0");
    }

    @Test
    void catalogKeepsInvalidManifestsBesideValidOnes() throws Exception {
        write("express", VALID);
        write("broken", VALID.replace("id: express", "id: broken").replace("ready: /json\n", ""));
        Catalog catalog = Catalog.load(root);
        assertThat(catalog.ids()).containsExactly("broken", "express");
        assertThat(catalog.entries().get(0)).isInstanceOf(Catalog.Invalid.class);
        assertThat(catalog.manifest("express").name()).isEqualTo("Express");
        assertThatThrownBy(() -> catalog.manifest("broken")).isInstanceOf(ManifestException.class)
                .hasMessageEndingWith("missing field 'ready'; expected a GET path answering 200 once ready, e.g. /json");
        assertThatThrownBy(() -> catalog.select(List.of("express", "nope")))
                .hasMessage("unknown contestant 'nope': no " + root.toAbsolutePath().resolve("nope/contestant.yaml")
                        + "; known: broken, express");
    }

    @Test
    void theFakeContestantsOfTheTestsAreValid() {
        assertThat(FakeContestants.catalog().entries()).allMatch(e -> e instanceof Catalog.Valid);
    }
}
