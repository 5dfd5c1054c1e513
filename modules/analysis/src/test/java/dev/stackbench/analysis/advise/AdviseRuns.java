package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import java.util.Optional;

/** The advisor fixture, analysed; and the profiles whose answers it knows. */
final class AdviseRuns {
    /** 80% io, 20% user at 400 req/s, p99 200 ms, 30% headroom; a Python team that also weights ML. */
    static final String IO_HEAVY = resource("io-heavy.yaml");
    /** All cpu at 100 req/s with a 10 ms p99. */
    static final String CPU_STRICT = resource("cpu-strict.yaml");
    /** 70% user, 20% io at 50 ms, 10% cpu at 1,000 req/s, p99 200 ms: the mix-ladder fixture's profile. */
    static final String MIX_API = resource("mix-api.yaml");

    private AdviseRuns() {
    }

    static String resource(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/advise", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Analysis fixture() {
        return Analyzer.analyze(AdviseFixture.run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    /** @return the mix-ladder fixture (a profile's run: the mix as one request mix), analysed */
    static Analysis mixLadder() {
        return Analyzer.analyze(MixLadderFixture.run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    static Profile profile(String yaml) {
        return ProfileReader.parse(yaml, "profile 'p.yaml'");
    }
}
