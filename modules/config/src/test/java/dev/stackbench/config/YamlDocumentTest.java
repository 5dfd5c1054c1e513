package dev.stackbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {
    private static YamlMap root(String yaml) {
        return YamlDocument.parse(yaml, "file 'x.yaml'").root("some fields");
    }

    @Test
    void typedAccessorsReadWhatTheyExpect() {
        YamlMap r = root("""
                name: demo
                count: 3
                rate: 2.5
                wait: 1m30s
                tags: [a, b]
                nested: {inner: 7}
                blank:
                """);
        assertThat(r.text("name", "a name")).isEqualTo("demo");
        assertThat(r.wholeNumber("count", 1, 9)).isEqualTo(3);
        assertThat(r.wholeNumber("absent", 1, 9)).isEqualTo(9);
        assertThat(r.require("rate", "a rate").positiveNumber("a rate")).isEqualTo(2.5);
        assertThat(r.duration("wait", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.require("tags", "a list").textList("a list", "a tag")).containsExactly("a", "b");
        assertThat(r.map("nested", "a mapping").orElseThrow().wholeNumber("inner", 0, 0)).isEqualTo(7);
        assertThat(r.has("blank")).isFalse();
        assertThat(r.get("blank")).isEmpty();
        assertThat(r.keys()).containsExactly("name", "count", "rate", "wait", "tags", "nested", "blank");
    }

    @Test
    void everyMistakeIsOneLineWithSourcePathValueAndExpectation() {
        YamlMap r = root("""
                trials: three
                contestants: express
                fractions: [0.5, 0]
                levels: [{connections: 0}]
                cpus: {gen: "0"}
                wait: ten
                """);
        assertThatThrownBy(() -> r.wholeNumber("trials", 1, 1))
                .isInstanceOf(ConfigException.class).hasMessage("file 'x.yaml': trials is \"three\"; expected a whole number >= 1");
        assertThatThrownBy(() -> r.require("contestants", "a list of ids").textList("a list of ids", "an id"))
                .hasMessage("file 'x.yaml': contestants is \"express\"; expected a list of ids");
        assertThatThrownBy(() -> r.require("fractions", "a list").list("a list").get(1).positiveNumber("a fraction > 0"))
                .hasMessage("file 'x.yaml': fractions[1] is 0; expected a fraction > 0");
        assertThatThrownBy(() -> r.require("levels", "a list").list("a list").get(0).map("a level").wholeNumber("connections", 1, 1))
                .hasMessage("file 'x.yaml': levels[0].connections is 0; expected a whole number >= 1");
        assertThatThrownBy(() -> r.map("cpus", "a mapping").orElseThrow().allowOnly(List.of("generator", "server")))
                .hasMessage("file 'x.yaml': unknown field 'cpus.gen'; expected one of generator, server");
        assertThatThrownBy(() -> r.allowOnly(List.of("trials")))
                .hasMessage("file 'x.yaml': unknown field 'contestants'; expected one of trials");
        assertThatThrownBy(() -> r.duration("wait", Duration.ZERO))
                .hasMessage("file 'x.yaml': wait is \"ten\"; expected a duration such as 500ms, 10s or 2m");
        assertThatThrownBy(() -> r.text("name", "a name such as demo"))
                .hasMessage("file 'x.yaml': missing field 'name'; expected a name such as demo");
        assertThatThrownBy(() -> r.require("trials", "x").wholeNumber(1, 5))
                .hasMessage("file 'x.yaml': trials is \"three\"; expected a whole number from 1 to 5");
    }

    @Test
    void valuesAreQuotedAsWrittenAndShortened() {
        YamlMap r = root("a: [1, 2]\nb: {c: d}\nc: \"3\"\nd: 3.5\ne: " + "x".repeat(80) + "\n");
        assertThatThrownBy(() -> r.wholeNumber("a", 0, 0)).hasMessageEndingWith("a is a list [1,2]; expected a whole number >= 0");
        assertThatThrownBy(() -> r.wholeNumber("b", 0, 0)).hasMessageEndingWith("b is a mapping {\"c\":\"d\"}; expected a whole number >= 0");
        assertThatThrownBy(() -> r.wholeNumber("c", 0, 0)).hasMessageEndingWith("c is \"3\"; expected a whole number >= 0");
        assertThatThrownBy(() -> r.wholeNumber("d", 0, 0)).hasMessageEndingWith("d is 3.5; expected a whole number >= 0");
        assertThatThrownBy(() -> r.wholeNumber("e", 0, 0)).hasMessageEndingWith("e is \"" + "x".repeat(59) + "...; expected a whole number >= 0");
    }

    @Test
    void syntaxErrorsCarryLineAndColumnAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> YamlDocument.parse("name: x\nlevels: [unclosed\n", "file 'x.yaml'"))
                .isInstanceOf(ConfigException.class).hasMessage("file 'x.yaml': not valid YAML (line 3, column 1):"
                        + " expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThatThrownBy(() -> YamlDocument.parse("name: x\n  bad: indent\n", "file 'x.yaml'"))
                .hasMessageStartingWith("file 'x.yaml': not valid YAML (line 2, column ");
        assertThatThrownBy(() -> YamlDocument.parse("name: x\nname: y\n", "file 'x.yaml'"))
                .hasMessageStartingWith("file 'x.yaml': not valid YAML (line 2, column ").hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void theTopMustBeAMappingAndTheFileReadable() {
        assertThatThrownBy(() -> root("")).hasMessage("file 'x.yaml': the file is empty; expected some fields");
        assertThatThrownBy(() -> root("- a\n- b\n")).hasMessage("file 'x.yaml': expected a mapping at the top (some fields), got a list [\"a\",\"b\"]");
        Path none = Path.of("/nonexistent/x.yaml");
        assertThatThrownBy(() -> YamlDocument.read(none, "file 'x.yaml'"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("file 'x.yaml': cannot be read: ");
    }

    @Test
    void parsedScalarsGoThroughTheCallersParser() {
        YamlMap r = root("cpu: 1\nbad: one\n");
        assertThat(r.require("cpu", "a CPU").<Integer>parsed("a CPU", Integer::valueOf)).isEqualTo(1);
        assertThatThrownBy(() -> r.require("bad", "a CPU").parsed("a CPU number", Integer::parseInt))
                .hasMessage("file 'x.yaml': bad is \"one\"; expected a CPU number");
        assertThat(new ConfigException("s", "p").problem()).isEqualTo("p");
    }
}
