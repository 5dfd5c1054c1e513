package dev.stackbench.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The repository's catalog reads and is complete; every schema mistake is one exact line. */
class CatalogReaderTest {
    /** The catalog in the repository root, from modules/analysis. */
    static final Path CATALOG = Path.of("../../claims/claims.yaml");
    /** Where the project keeps the seed articles (outside the repository). */
    static final Path SEEDS = Path.of("/work/shared/seeds");

    static final String HEAD = """
            version: 1
            seeds: [000_a.txt]
            groups:
              node: {language: javascript}
              python: {language: python}
            claims:
            """;

    static String error(String claims) {
        try {
            CatalogReader.parse(HEAD + claims, "claims file 'c.yaml'");
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + claims);
    }

    @Test
    void theRepositoryCatalogHoldsEveryClaimOfTheFourArticles() {
        ClaimsCatalog c = CatalogReader.read(CATALOG);
        assertThat(c.seeds()).hasSize(4);
        Map<String, Long> kinds = new TreeMap<>(c.claims().stream().collect(Collectors.groupingBy(
                x -> x.seed().substring(0, 3) + " " + x.getClass().getSimpleName(), Collectors.counting())));
        assertThat(kinds).containsExactly(
                Map.entry("000 Measurable", 33L), Map.entry("000 NotPerformance", 77L), Map.entry("000 Unmeasurable", 1L),
                Map.entry("001 Measurable", 17L), Map.entry("001 NotPerformance", 122L), Map.entry("001 Unmeasurable", 7L),
                Map.entry("002 Measurable", 20L), Map.entry("002 NotPerformance", 61L), Map.entry("002 Unmeasurable", 2L),
                Map.entry("003 Measurable", 4L), Map.entry("003 NotPerformance", 20L), Map.entry("003 Unmeasurable", 1L));
        // the pair issue 8 names: Python strong in CPU work against Node faster for single-threaded computation
        assertThat(c.claim("000-014-cpu").orElseThrow().contradicts()).containsExactly("002-047-cpu");
        assertThat(c.claim("002-047-cpu").orElseThrow().quote())
                .isEqualTo("CPU-bound workloads: Node.js is faster for single-threaded computation thanks to V8's JIT.");
    }

    @Test
    void everyQuoteIsExactlyInItsSeedArticle() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not on this machine");
        ClaimsCatalog c = CatalogReader.read(CATALOG);
        for (String seed : c.seeds()) {
            String text = Files.readString(SEEDS.resolve(seed)).replaceAll("\\s+", " ");
            for (Claim claim : c.ofSeed(seed)) {
                assertThat(text).as(claim.id()).contains(claim.quote().replaceAll("\\s+", " "));
            }
        }
    }

    @Test
    void anUnknownKeyNamesItAndTheKeysOfItsKind() {
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, qoute: \"q\", kind: not-performance, reason: r}\n"))
                .isEqualTo("claims file 'c.yaml': unknown field 'claims[0].qoute'; expected one of id, seed, quote,"
                        + " kind, contradicts, reason");
    }

    @Test
    void aMissingQuote() {
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, kind: not-performance, reason: r}\n"))
                .isEqualTo("claims file 'c.yaml': missing field 'claims[0].quote'; expected the sentence exactly as the"
                        + " article writes it");
    }

    @Test
    void anUnknownWorkload() {
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: measurable, workload: jsn, a: node, b: python,"
                + " quantity: throughput, rule: {above: 1.0}}\n"))
                .isEqualTo("claims file 'c.yaml': claims[0].workload is \"jsn\"; expected one of json, user, io, cpu,"
                        + " realtime, blocking, connections, none");
    }

    @Test
    void aMeasurableClaimWithoutARule() {
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: node, b: python,"
                + " quantity: throughput}\n"))
                .isEqualTo("claims file 'c.yaml': missing field 'claims[0].rule'; expected a rule such as {above: 1.05}"
                        + " or {within: [1.10, 1.20]}");
    }

    @Test
    void otherMistakesAreOneLineEach() {
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: nodejs, b: python,"
                + " quantity: throughput, rule: {above: 1.0}}\n"))
                .isEqualTo("claims file 'c.yaml': claims[0].a is \"nodejs\"; expected a group: one of node, python");
        assertThat(error("  - {id: 000-x, seed: 001_b.txt, quote: q, kind: not-performance, reason: r}\n"))
                .isEqualTo("claims file 'c.yaml': claims[0].seed is \"001_b.txt\"; expected one of the seeds: 000_a.txt");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: node, b: python,"
                + " quantity: throughput, rule: {below: 1.0}}\n"))
                .isEqualTo("claims file 'c.yaml': unknown field 'claims[0].rule.below'; expected one of above, within");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: measurable, workload: json, a: node, b: python,"
                + " quantity: startupTime, rule: {above: 1.0}}\n"))
                .isEqualTo("claims file 'c.yaml': claims[0].quantity is \"startupTime\"; expected workload none for a"
                        + " per-contestant quantity (startupTime)");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: opinion}\n"))
                .isEqualTo("claims file 'c.yaml': claims[0].kind is \"opinion\"; expected one of measurable,"
                        + " not-measurable, not-performance");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: not-performance, reason: r}\n"
                + "  - {id: 000-x, seed: 000_a.txt, quote: q, kind: not-performance, reason: r}\n"))
                .isEqualTo("claims file 'c.yaml': claims[1].id is \"000-x\"; expected an id not used before");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: not-performance, reason: r, contradicts: [000-y]}\n"))
                .isEqualTo("claims file 'c.yaml': claim 000-x contradicts \"000-y\"; expected the id of another claim of"
                        + " the catalog");
        assertThat(error("  - {id: 000-x, seed: 000_a.txt, quote: q, kind: not-measurable}\n"))
                .isEqualTo("claims file 'c.yaml': missing field 'claims[0].settle'; expected what would settle it, e.g."
                        + " multi-core scaling needs >= 4 CPUs: server CPUs 1-3");
    }

    @Test
    void aNewerCatalogVersionIsRefused() {
        assertThatThrownBy(() -> CatalogReader.parse(HEAD.replace("version: 1", "version: 2") + "  []\n", "claims file 'c.yaml'"))
                .hasMessage("claims file 'c.yaml': version is 2; this Stackbench reads claims catalog version 1");
    }
}
