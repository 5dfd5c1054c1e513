package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A mix expanded into concrete requests: reproducible from the seed, kinds by weight, templates within their ranges. */
class RequestSequenceTest {
    private static final List<RequestKind> MIX = List.of(
            new RequestKind("users", "GET", "/api/users/{random:1..100}").withWeight(3),
            new RequestKind("orders", "POST", "/api/users/{random:5..7}/orders/{random:0..0}"));

    @Test
    void theSameSeedDrawsTheSameSequenceAndAnotherSeedAnother() {
        List<RequestSequence.Drawn> a = RequestSequence.draw(MIX, 42, 500);
        assertThat(RequestSequence.draw(MIX, 42, 500)).isEqualTo(a);
        assertThat(RequestSequence.draw(MIX, 43, 500)).isNotEqualTo(a);
        assertThat(a).hasSize(500);
    }

    @Test
    void kindsFollowTheirWeightsAndTemplatesStayInTheirRanges() {
        List<RequestSequence.Drawn> drawn = RequestSequence.draw(MIX, 7, 4000);
        Map<String, Long> byKind = drawn.stream().collect(Collectors.groupingBy(d -> d.kind().name(), Collectors.counting()));
        // 3:1, so 3000 expected; the binomial's sd is sqrt(4000 * 0.75 * 0.25) = 27.4: 4 sd either side
        assertThat(byKind.get("users")).isBetween(2890L, 3110L);
        assertThat(drawn).filteredOn(d -> d.kind().name().equals("users")).allSatisfy(d -> {
            assertThat(d.target()).matches("/api/users/\\d+");
            assertThat(Long.parseLong(d.target().substring("/api/users/".length()))).isBetween(1L, 100L);
        });
        assertThat(drawn).filteredOn(d -> d.kind().name().equals("orders")).extracting(RequestSequence.Drawn::target)
                .allMatch(t -> t.matches("/api/users/[567]/orders/0")).contains("/api/users/5/orders/0", "/api/users/7/orders/0");
        assertThat(drawn.stream().map(RequestSequence.Drawn::target).filter(t -> t.startsWith("/api/users/") && !t.contains("orders"))
                .distinct().count()).as("distinct user ids of 3000 draws from 100").isEqualTo(100);
    }

    @Test
    void aPathWithoutTemplatesIsDrawnAsWritten() {
        assertThat(RequestSequence.draw(List.of(new RequestKind("json", "GET", "/json?x=1")), 1, 3))
                .extracting(RequestSequence.Drawn::target).containsExactly("/json?x=1", "/json?x=1", "/json?x=1");
        assertThatThrownBy(() -> RequestSequence.draw(MIX, 1, 0)).hasMessage("count (0) must be >= 1");
    }
}
