package dev.stackbench.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Difference> diff(String a, String b, DiffSettings s) throws Exception {
        JsonNode x = JSON.readTree(a);
        JsonNode y = JSON.readTree(b);
        return new JsonDiff(s).compare(x, y);
    }

    private static List<Difference> diff(String a, String b) throws Exception {
        return diff(a, b, DiffSettings.DEFAULTS);
    }

    private static DiffSettings settings(boolean ignoreOrder, String... ignorePaths) {
        return new DiffSettings(Set.of("content-type"), Set.of("date", "server"),
                java.util.Arrays.stream(ignorePaths).map(PathPattern::new).toList(), ignoreOrder, false, false);
    }

    @Test
    void keyOrderWhitespaceAndNumberSpellingAreFree() throws Exception {
        assertThat(diff("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"}}", "{ \"c\" : {\"d\":\"x\"}, \"b\":[1, 2.0], \"a\":1.0 }")).isEmpty();
    }

    @Test
    void aChangedValueIsNamedByItsPath() throws Exception {
        assertThat(diff("{\"user\":{\"name\":\"User 7\",\"id\":7}}", "{\"user\":{\"name\":\"user 7\",\"id\":7}}"))
                .containsExactly(new Difference(Difference.Kind.VALUE, "$.user.name", "\"User 7\"", "\"user 7\""));
    }

    @Test
    void typesMissingAndExtraMembersAreTheirOwnKinds() throws Exception {
        assertThat(diff("{\"id\":7,\"email\":\"a\"}", "{\"id\":\"7\",\"mail\":\"a\"}")).containsExactly(
                new Difference(Difference.Kind.TYPE, "$.id", "number 7", "string \"7\""),
                new Difference(Difference.Kind.MISSING, "$.email", "\"a\"", Difference.ABSENT),
                new Difference(Difference.Kind.EXTRA, "$.mail", Difference.ABSENT, "\"a\""));
    }

    @Test
    void anArrayInAnotherOrderIsOneOrderDifferenceUnlessOrderIsIgnored() throws Exception {
        assertThat(diff("{\"tags\":[\"a\",\"b\",\"c\"]}", "{\"tags\":[\"c\",\"a\",\"b\"]}")).containsExactly(
                new Difference(Difference.Kind.ORDER, "$.tags", "[\"a\",\"b\",\"c\"]", "[\"c\",\"a\",\"b\"]"));
        assertThat(diff("{\"tags\":[{\"x\":1},{\"x\":2}]}", "{\"tags\":[{\"x\":2},{\"x\":1}]}", settings(true))).isEmpty();
        assertThat(diff("{\"tags\":[1,2]}", "{\"tags\":[2,3]}", settings(true)))
                .containsExactly(new Difference(Difference.Kind.VALUE, "$.tags", "[1,2]", "[2,3]"));
    }

    @Test
    void arraysOfOtherLengthsCompareTheCommonPrefixThenListTheRest() throws Exception {
        assertThat(diff("[1,2,3]", "[1,5]")).containsExactly(
                new Difference(Difference.Kind.VALUE, "$[1]", "2", "5"),
                new Difference(Difference.Kind.MISSING, "$[2]", "3", Difference.ABSENT));
    }

    @Test
    void ignoredPathsAndEverythingUnderThemAreLeftOut() throws Exception {
        String a = "{\"requestId\":\"a1\",\"meta\":{\"t\":1},\"items\":[{\"etag\":\"x\",\"v\":1}],\"odd key\":1}";
        String b = "{\"requestId\":\"b2\",\"meta\":{\"t\":2},\"items\":[{\"etag\":\"y\",\"v\":1}],\"odd key\":2}";
        assertThat(diff(a, b, settings(false, "$.requestId", "$.meta", "$.items[*].etag")))
                .containsExactly(new Difference(Difference.Kind.VALUE, "$['odd key']", "1", "2"));
        // an ignored path inside array elements also counts for the order check
        assertThat(diff("[{\"id\":\"r1\",\"v\":1},{\"id\":\"r2\",\"v\":2}]", "[{\"id\":\"r3\",\"v\":1},{\"id\":\"r4\",\"v\":2}]",
                settings(false, "$[*].id"))).isEmpty();
    }

    @Test
    void aPathPatternOutsideTheSyntaxIsRefusedWithAnExample() {
        assertThatThrownBy(() -> new PathPattern("requestId")).hasMessage("JSON path 'requestId' is not one this tool reads;"
                + " expected $ followed by .name, .*, [0], [*] or ['name'], e.g. $.requestId or $.items[*].etag");
        assertThat(new PathPattern("$.*.id").covers("$.user.id")).isTrue();
        assertThat(new PathPattern("$.user").covers("$.username")).isFalse();
    }
}
