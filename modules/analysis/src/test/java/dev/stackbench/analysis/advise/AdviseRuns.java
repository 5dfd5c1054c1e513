package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import java.util.Optional;

/** The advisor fixture, analysed; and the profiles whose answers it knows. */
final class AdviseRuns {
    /** 80% io, 20% user at 400 req/s, p99 200 ms, 30% headroom; a Python team that also weights ML. */
    static final String IO_HEAVY = """
            mix: {io: 80%, user: 20%}
            ioMillis: 50
            peak: 400
            p99: 200ms
            headroom: 30%
            prices: {coreHour: 0.04, gibHour: 0.005, currency: USD}
            team: [python]
            needs: {team-languages: 5, ml-libraries: 2}
            """;
    /** All cpu at 100 req/s with a 10 ms p99. */
    static final String CPU_STRICT = """
            mix: {cpu: 100%}
            peak: 100
            p99: 10ms
            """;

    private AdviseRuns() {
    }

    static Analysis fixture() {
        return Analyzer.analyze(AdviseFixture.run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    static Profile profile(String yaml) {
        return ProfileReader.parse(yaml, "profile 'p.yaml'");
    }
}
