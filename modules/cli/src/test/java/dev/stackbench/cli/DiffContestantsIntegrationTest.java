package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real contestants that implement the same spec, started by the lab (pinned, a private
 * PostgreSQL, verified), are equivalent on every endpoint of docs/api.md once Server and Date are
 * ignored. Needs express and fastify installed ({@code stackbench setup express fastify}); tagged
 * {@code integration}, run with {@code mvn test -pl modules/cli -am -Dstackbench.excludedGroups= -Dgroups=integration
 * -Dtest=DiffContestantsIntegrationTest}.
 */
@Tag("integration")
class DiffContestantsIntegrationTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void expressAndFastifyAnswerAlikeOnEverySpecEndpoint() throws IOException {
        String dir = System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString());
        CliRun run = CliRun.of("diff", "--contestants-dir", dir, "--old", "express", "--new", "fastify", "--format", "json");
        System.err.print(run.err());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("equivalent").asBoolean()).isTrue();
        assertThat(root.get("requests").asInt()).isEqualTo(41);
        assertThat(root.get("endpoints").findValuesAsText("template")).containsExactlyInAnyOrder("/json", "/api/users/{id}",
                "/api/users/abc", "/api/users/1.5", "/io?ms={n}", "/io", "/io?ms=abc", "/cpu?n={n}", "/cpu", "/cpu?n=abc");
    }
}
