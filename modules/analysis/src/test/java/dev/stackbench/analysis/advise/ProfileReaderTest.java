package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.config.ConfigException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The profile format: the template reads back, defaults are stated, every mistake is one exact line. */
class ProfileReaderTest {

    static String error(String yaml) {
        try {
            ProfileReader.parse(yaml, "profile 'p.yaml'");
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void theTemplateReadsAsTheProfileItDescribes() {
        Profile p = ProfileReader.parse(ProfileTemplate.text(), "template");
        assertThat(p.mix()).containsExactly(new Profile.Share("user", 0.7), new Profile.Share("io", 0.2),
                new Profile.Share("cpu", 0.1));
        assertThat(p.ioMillis()).isEqualTo(50);
        assertThat(p.peakPerSecond()).isEqualTo(1500);
        assertThat(p.p99TargetMicros()).isEqualTo(200_000);
        assertThat(p.errorBudget()).isEqualTo(0.01);
        assertThat(p.headroom()).isEqualTo(0.3);
        assertThat(p.prices()).isEqualTo(new Profile.Prices(0.04, 0.005, "USD", false));
        assertThat(p.languages()).containsExactly("python");
        assertThat(p.needs()).extracting(Profile.Need::id, Profile.Need::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team-languages", 5),
                        org.assertj.core.groups.Tuple.tuple("ml-libraries", 0),
                        org.assertj.core.groups.Tuple.tuple("one-language", 0));
        assertThat(p.needs().get(0).favours()).containsExactly("python");
        assertThat(p.needs().get(1).source()).isEqualTo("seed 002_84beee403881d4f2.txt: \"if your API serves ML"
                + " models, Python is the only sane choice.\"");
    }

    @Test
    void aMinimalProfileTakesTheStatedDefaultsAndExamplePrices() {
        Profile p = ProfileReader.parse("mix: {json: 100}\npeak: 2.5k\np99: 50ms\nneeds: {real-time: }\n", "p");
        assertThat(p.peakPerSecond()).isEqualTo(2500);
        assertThat(p.headroom()).isEqualTo(ProfileReader.DEFAULT_HEADROOM);
        assertThat(p.errorBudget()).isEqualTo(ProfileReader.DEFAULT_ERROR_BUDGET);
        assertThat(p.prices().examples()).isTrue();
        assertThat(p.sameCostWithin()).isEqualTo(0.1);
        assertThat(p.needs()).containsExactly(new Profile.Need("real-time", 2, List.of("javascript", "typescript"),
                RulesOfThumb.named("real-time").orElseThrow().citation()));
        assertThat(p.realtime()).isEmpty();
    }

    @Test
    void ownNeedsNameTheLanguagesTheyFavour() {
        Profile p = ProfileReader.parse("mix: {json: 100}\npeak: 10\np99: 1s\n"
                + "needs: {jvm-estate: {weight: 4}, go-shop: {weight: 1, favours: [Go]}}\n", "p");
        assertThat(p.needs()).extracting(Profile.Need::id, Profile.Need::weight, Profile.Need::favours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jvm-estate", 4, List.of("java", "kotlin")),
                        org.assertj.core.groups.Tuple.tuple("go-shop", 1, List.of("go")));
        assertThat(p.needs().get(1).source()).isEqualTo("your profile");
    }

    /** what | yaml (\\n for line ends) | the exact message; docs/advise.md lists the same messages. */
    static final String MISTAKES = """
            unknown workload     | mix: {user: 70, graphql: 30}\\npeak: 10\\np99: 1s      | profile 'p.yaml': unknown workload 'graphql' in mix; expected one of json, user, io, cpu
            shares not 100%      | mix: {user: 70%, io: 20%}\\npeak: 10\\np99: 1s        | profile 'p.yaml': mix shares sum to 90% (user 70% + io 20%); expected 100%
            negative rate        | mix: {user: 100}\\npeak: -5\\np99: 1s                 | profile 'p.yaml': peak is -5; expected requests per second > 0 such as 2000 or 2.5k
            rate not a rate      | mix: {user: 100}\\npeak: lots\\np99: 1s               | profile 'p.yaml': peak is "lots"; expected requests per second > 0 such as 2000 or 2.5k
            negative messages    | mix: {user: 100}\\npeak: 5\\np99: 1s\\nrealtime: {connections: 10, messagesPerSecond: -1} | profile 'p.yaml': realtime.messagesPerSecond is -1; expected messages per second >= 0 such as 500
            unknown key          | mix: {user: 100}\\npeek: 5\\np99: 1s                  | profile 'p.yaml': unknown field 'peek'; expected one of mix, ioMillis, realtime, peak, p99, errorBudget, headroom, prices, team, needs, sameCostWithin
            unknown price key    | mix: {user: 100}\\npeak: 5\\np99: 1s\\nprices: {cpuHour: 1} | profile 'p.yaml': unknown field 'prices.cpuHour'; expected one of coreHour, gibHour, currency
            missing peak         | mix: {user: 100}\\np99: 1s                            | profile 'p.yaml': missing field 'peak'; expected requests per second > 0 such as 2000 or 2.5k
            share over 100       | mix: {user: 120}\\npeak: 5\\np99: 1s                  | profile 'p.yaml': mix.user is 120; expected a percentage from 0% to 100% such as 30%
            zero target          | mix: {user: 100}\\npeak: 5\\np99: 0s                  | profile 'p.yaml': p99 is "0s"; expected a latency > 0 such as 200ms
            negative price       | mix: {user: 100}\\npeak: 5\\np99: 1s\\nprices: {coreHour: -0.1} | profile 'p.yaml': prices.coreHour is -0.1; expected a price >= 0 such as 0.04
            unknown need         | mix: {user: 100}\\npeak: 5\\np99: 1s\\nneeds: {gpu: 3}  | profile 'p.yaml': unknown need 'gpu'; expected one of team-languages, ml-libraries, data-pipelines, one-language, real-time, jvm-estate, or your own as {weight: 0..10, favours: [languages]}
            weight out of range  | mix: {user: 100}\\npeak: 5\\np99: 1s\\nneeds: {ml-libraries: 11} | profile 'p.yaml': needs.ml-libraries is 11; expected a whole number from 0 to 10
            own need, no favours | mix: {user: 100}\\npeak: 5\\np99: 1s\\nneeds: {gpu: {weight: 3}} | profile 'p.yaml': missing field 'needs.gpu.favours'; expected the languages that meet this need, e.g. [python]
            empty file           | ''                                                    | profile 'p.yaml': the file is empty; expected the fields of docs/advise.md: mix, peak, p99, ...
            """;

    static Stream<Arguments> mistakes() {
        return MISTAKES.lines().map(l -> l.split("\\|", 3)).map(c -> Arguments.of(c[0].strip(), c[1].strip(), c[2].strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void everyMistakeIsOneExactLine(String what, String yaml, String message) {
        String text = yaml.equals("''") ? "" : yaml.replace("\\n", "\n");
        assertThat(error(text)).as(what).isEqualTo(message);
        assertThat(error(text)).doesNotContain("\n");
    }

    @Test
    void everyMessageTheDocsPromiseIsOneOfThem() throws IOException {
        String docs = Files.readString(Path.of("../../docs/advise.md"), StandardCharsets.UTF_8);
        List<String> promised = docs.lines().dropWhile(l -> !l.equals("### Mistakes")).takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("| ") && l.contains("`profile 'p.yaml'"))
                .map(l -> l.substring(l.indexOf("`profile 'p.yaml'") + 1, l.lastIndexOf('`'))).toList();
        assertThat(promised).hasSizeGreaterThan(8);
        List<String> tested = mistakes().map(a -> (String) a.get()[2]).toList();
        assertThat(tested).containsAll(promised);
    }

    @Test
    void aMalformedFileIsAConfigException() {
        assertThatThrownBy(() -> ProfileReader.parse("mix: [", "profile 'p.yaml'")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("profile 'p.yaml': not valid YAML (line");
    }
}
