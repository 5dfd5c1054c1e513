package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.claims.CatalogReader;
import dev.stackbench.analysis.claims.Claim;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.runner.suite.Suites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claims suite measures exactly the cells the catalog's measurable claims need among today's workloads. */
class ClaimsSuiteCoverageTest {
    @Test
    void everyMeasurableClaimOnTodaysWorkloadsHasItsCellsInTheClaimsSuite() {
        List<Claim.Measurable> today = CatalogReader.read(Path.of("../../claims/claims.yaml")).claims().stream()
                .filter(c -> c instanceof Claim.Measurable).map(c -> (Claim.Measurable) c)
                .filter(m -> CatalogReader.TODAY.contains(m.workload())).toList();
        // every cell of the suite, matrix and connection cells, as "workload level" for one contestant of each kind
        Set<String> cells = new LinkedHashSet<>();
        for (Workload w : Suites.CLAIMS.workloads()) {
            Suites.CLAIMS.levels().forEach(l -> cells.add(w.label() + " " + l.label()));
        }
        Suites.CLAIMS.connectionCellsOf("django").forEach(c -> cells.add(c.workload().label() + " " + c.level().label()));
        Suites.CLAIMS.realtime().ifPresent(r -> cells.add("realtime null"));
        Suites.CLAIMS.blocking().ifPresent(b -> cells.add("blocking null"));
        Set<String> needed = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Claim.Measurable m : today) {
            String cell = m.workload() + " " + m.level();
            needed.add(cell);
            boolean anyLevel = m.level() == null && cells.stream().anyMatch(c -> c.startsWith(m.workload() + " "));
            boolean scaling = m.workload().equals("connections") && cells.contains("json c10") && cells.contains("io c10")
                    && cells.contains("json c1000") && cells.contains("io c1000");
            if (!cells.contains(cell) && !anyLevel && !scaling) {
                missing.add(m.id());
            }
        }
        assertThat(missing).isEmpty();
        // the cells the claims name, and the suite measures no cell beyond them but connection scaling's json and io at 10
        assertThat(needed).containsExactlyInAnyOrder("io c100", "cpu c100", "io c1000", "user c1000", "json c100",
                "json c1000", "user c100", "realtime null", "blocking null", "connections null");
        assertThat(cells).containsExactlyInAnyOrder("json c100", "user c100", "io c100", "cpu c100", "json c1000", "user c1000",
                "io c1000", "json c10", "io c10", "realtime null", "blocking null");
    }
}
