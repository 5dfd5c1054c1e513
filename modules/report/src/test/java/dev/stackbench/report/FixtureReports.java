package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.TrialLogs;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;

/** The fixture runs, analysed, and a stand-in chart library for golden files. */
final class FixtureReports {
    /** Golden HTML files carry this instead of 200 KB of Chart.js. */
    static final ChartLibrary STUB_LIBRARY =
            new ChartLibrary("Chart.js", "stub", "MIT", "/* the chart library is left out of golden files */");

    private FixtureReports() {
    }

    static Analysis analyse(String fixture, Path tmp) {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(fixture, tmp));
        return Analyzer.analyze(dir.run(), t -> dir.histograms(t).map(TrialLogs.Histograms::latency),
                AnalysisSettings.DEFAULTS);
    }
}
