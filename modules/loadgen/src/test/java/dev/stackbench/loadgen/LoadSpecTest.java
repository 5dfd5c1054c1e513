package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    @Test
    void requestIsEncodedOnceWithHostAndUserAgent() {
        LoadSpec spec = LoadSpec.builder(URI.create("http://127.0.0.1:8080/api/users/1?x=y"))
                .headers(List.of(Header.parse("Accept: application/json"))).connections(2).threads(1).build();
        assertThat(new EncodedRequests(spec).first()).isEqualTo(
                "GET /api/users/1?x=y HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\nUser-Agent: stackbench\r\n\r\n");
    }

    @Test
    void bodyGetsContentLengthAndUserHeadersWin() {
        LoadSpec spec = LoadSpec.builder(URI.create("http://localhost/echo")).method("POST")
                .headers(List.of(Header.parse("User-Agent: me"), Header.parse("Content-Length: 99")))
                .body("{}".getBytes(StandardCharsets.UTF_8)).connections(1).build();
        assertThat(new EncodedRequests(spec).first())
                .isEqualTo("POST /echo HTTP/1.1\r\nHost: localhost\r\nUser-Agent: me\r\nContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void invalidValuesAreRejectedWithTheValue() {
        URI uri = URI.create("http://127.0.0.1:1/");
        assertThatThrownBy(() -> LoadSpec.builder(uri).connections(0).build()).hasMessage("connections (0) must be >= 1");
        assertThatThrownBy(() -> LoadSpec.builder(uri).connections(8).threads(16).build())
                .hasMessage("threads (16) must be between 1 and connections (8)");
        assertThatThrownBy(() -> LoadSpec.builder(URI.create("ftp://x/")).build())
                .hasMessage("target 'ftp://x/' must be an http:// or https:// URL with a host");
        assertThatThrownBy(() -> new LoadModel.Open(0)).hasMessage("rate must be a positive number of requests per second, got 0.0");
        assertThatThrownBy(() -> Header.parse("nocolon")).hasMessage("header 'nocolon' is not of the form 'Name: value'");
    }

    @Test
    void openModelPoolCapDefaultsToRateTimesTimeoutWithinBounds() {
        URI uri = URI.create("http://127.0.0.1:1/");
        assertThat(LoadSpec.builder(uri).connections(10).model(new LoadModel.Open(100)).build().maxConnections()).isEqualTo(200);
        assertThat(LoadSpec.builder(uri).connections(10).model(new LoadModel.Open(1)).build().maxConnections()).isEqualTo(10);
        assertThat(LoadSpec.builder(uri).connections(10).model(new LoadModel.Open(1e6)).build().maxConnections())
                .isEqualTo(Defaults.MAX_CONNECTIONS);
        assertThat(LoadSpec.builder(uri).connections(10).build().maxConnections()).isEqualTo(10);
        assertThatThrownBy(() -> LoadSpec.builder(uri).connections(10).maxConnections(5).model(new LoadModel.Open(100)).build())
                .hasMessage("max connections (5) must be >= connections (10)");
        assertThatThrownBy(() -> LoadSpec.builder(uri).connections(10).maxConnections(20).build())
                .hasMessage("max connections (20) applies to the open model only; the closed model uses exactly its connections (10)");
    }

    @Test
    void warmupUntilStableIsValidated() {
        assertThatThrownBy(() -> new Warmup.UntilStable(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMillis(250), 8, 0.05))
                .hasMessage("warm-up cap (1s) must be > 0 and >= its minimum (5s)");
        assertThat(LoadSpec.builder(URI.create("http://127.0.0.1:1/")).warmupUntilStable().build().warmup())
                .isEqualTo(Warmup.UntilStable.defaults());
    }

    @Test
    void defaultThreadsNeverExceedConnections() {
        assertThat(LoadSpec.builder(URI.create("http://127.0.0.1:1/")).connections(1).build().threads()).isEqualTo(1);
    }
}
