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
        List<String> suiteWorkloads = new ArrayList<>(Suites.CLAIMS.workloads().stream().map(Workload::label).toList());
        Suites.CLAIMS.realtime().ifPresent(r -> suiteWorkloads.add("realtime"));
        Suites.CLAIMS.blocking().ifPresent(b -> suiteWorkloads.add("blocking"));
        List<String> suiteLevels = Suites.CLAIMS.levels().stream().map(LoadLevel::label).toList();
        Set<String> needed = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Claim.Measurable m : today) {
            needed.add(m.workload() + " " + m.level());
            if (!suiteWorkloads.contains(m.workload()) || (m.level() != null && !suiteLevels.contains(m.level()))) {
                missing.add(m.id());
            }
        }
        assertThat(missing).isEmpty();
        // the cells the claims name; the rectangular matrix adds only cpu c1000
        assertThat(needed).containsExactlyInAnyOrder("io c100", "cpu c100", "io c1000", "user c1000", "json c100",
                "json c1000", "user c100", "realtime null", "blocking null");
    }
}
