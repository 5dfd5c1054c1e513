package dev.stackbench.runner.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.config.ConfigException;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.loadgen.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void linesGiveMethodPathAndAJsonBody() throws IOException {
        List<ReplayRequest> r = RequestFile.read(write("r.txt", "# comment\n\nGET /json\r\nPOST /api/orders {\"item\": 3}\n"));
        assertThat(r).containsExactly(ReplayRequest.get("/json"), new ReplayRequest("POST", "/api/orders",
                List.of(new Header("Content-Type", "application/json")), "{\"item\": 3}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badLinesAreNamedWithTheirNumber() throws IOException {
        Path file = write("r.txt", "GET /json\nget /json\n");
        assertThatThrownBy(() -> RequestFile.read(file)).isInstanceOf(ConfigException.class).hasMessage("requests file '" + file
                + "': line 2: method \"get\" is not an upper-case HTTP method; expected METHOD PATH [JSON body], e.g. GET /api/users/1"
                + " or POST /api/users {\"name\":\"Ada\"}");
        Path noPath = write("n.txt", "GET\n");
        assertThatThrownBy(() -> RequestFile.read(noPath)).hasMessageStartingWith("requests file '" + noPath + "': line 1 is \"GET\"; expected METHOD PATH");
        Path relative = write("p.txt", "GET json\n");
        assertThatThrownBy(() -> RequestFile.read(relative)).hasMessageContaining("line 1: path \"json\" does not start with /");
        Path empty = write("e.txt", "# nothing\n");
        assertThatThrownBy(() -> RequestFile.read(empty)).hasMessage("requests file '" + empty
                + "': holds no request; expected one per line: METHOD PATH [JSON body], e.g. GET /api/users/1 or POST /api/users {\"name\":\"Ada\"}");
        assertThatThrownBy(() -> RequestFile.read(dir.resolve("missing.txt"))).hasMessageEndingWith("no such file; expected a requests file"
                + " (METHOD PATH [JSON body], e.g. GET /api/users/1 or POST /api/users {\"name\":\"Ada\"}), a .yaml or a .har file");
    }

    @Test
    void yamlIsReadStrictly() throws IOException {
        Path ok = write("r.yaml", "requests:\n  - path: /api/users/7\n    headers: {Accept: application/json, Host: x}\n"
                + "  - method: POST\n    path: /api/orders\n    body: '{\"item\": 3}'\n");
        assertThat(RequestFile.read(ok)).containsExactly(
                new ReplayRequest("GET", "/api/users/7", List.of(new Header("Accept", "application/json")), new byte[0]),
                new ReplayRequest("POST", "/api/orders", List.of(), "{\"item\": 3}".getBytes(StandardCharsets.UTF_8)));
        Path unknown = write("u.yaml", "requests:\n  - path: /json\n    verb: GET\n");
        assertThatThrownBy(() -> RequestFile.read(unknown)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("requests file '" + unknown + "': ").hasMessageContaining("verb");
        Path badPath = write("b.yaml", "requests:\n  - path: json\n");
        assertThatThrownBy(() -> RequestFile.read(badPath)).hasMessage("requests file '" + badPath
                + "': requests[0].path is \"json\"; expected a path starting with /, e.g. /api/users/1, without spaces");
    }

    @Test
    void theSpecSetCoversEveryEndpointWithItsErrorCases() {
        List<ReplayRequest> all = SpecRequests.of(EnumSet.of(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU), 20);
        assertThat(all).hasSize(41);
        assertThat(all).extracting(ReplayRequest::target).contains("/json", "/api/users/1", "/api/users/20", "/api/users/0",
                "/api/users/abc", "/io?ms=10", "/io", "/cpu?n=10000", "/cpu?n=0");
        assertThat(SpecRequests.of(EnumSet.of(Workload.JSON), 5)).containsExactly(ReplayRequest.get("/json"));
    }
}
