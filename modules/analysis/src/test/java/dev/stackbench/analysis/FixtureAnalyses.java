package dev.stackbench.analysis;

import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.TrialLogs;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;

/** The fixture runs, analysed with the default settings. */
final class FixtureAnalyses {
    private FixtureAnalyses() {
    }

    static Analysis analyse(String fixture, Path tmp) {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(fixture, tmp));
        return Analyzer.analyze(dir.run(), t -> dir.histograms(t).map(TrialLogs.Histograms::latency),
                AnalysisSettings.DEFAULTS);
    }
}
