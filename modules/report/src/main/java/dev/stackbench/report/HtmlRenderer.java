package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.RankBy;
import dev.stackbench.analysis.WorkloadTable;
import dev.stackbench.results.LoadLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML file: inline CSS, the analysis JSON, the charting library and the
 * drawing script are all inside it, so it works offline and can be mailed around. Tables are
 * formatted in the report's locale; the embedded data is the locale-free JSON view.
 */
final class HtmlRenderer {
    private static final String SCRIPT = "report.js";
    private final HumanFormat f;
    private final ReportTables t;
    private final ClaimWorkloadTables cw;
    private final ChartLibrary library;
    private int charts;

    HtmlRenderer(HumanFormat format, ChartLibrary library) {
        this.f = format;
        this.t = new ReportTables(format);
        this.cw = new ClaimWorkloadTables(format);
        this.library = library;
    }

    String render(Analysis a) {
        charts = 0;
        String lang = f.locale().equals(Locale.ROOT) ? "en" : f.locale().toLanguageTag();
        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>").append(esc(t.title(a.run()))).append("</h1>\n<ul class=\"summary\">\n");
        t.summary(a).forEach(l -> body.append(l.startsWith("WARNING") ? "<li class=\"warning\">" : "<li>")
                .append(esc(l)).append("</li>\n"));
        body.append("</ul>\n<nav>");
        a.seed().ifPresent(s -> body.append("<a href=\"#seed\">Seed article check</a> · "));
        for (String w : workloads(a)) {
            body.append("<a href=\"#w-").append(esc(w)).append("\">").append(esc(w)).append("</a> · ");
        }
        if (!a.realtime().isEmpty()) {
            body.append("<a href=\"#realtime\">Real time</a> · ");
        }
        if (!a.blocking().isEmpty()) {
            body.append("<a href=\"#blocking\">Event-loop blocking</a> · ");
        }
        if (!a.connectionScaling().isEmpty()) {
            body.append("<a href=\"#scaling\">Connection scaling</a> · ");
        }
        body.append("<a href=\"#contestants\">Contestants</a> · <a href=\"#legend\">Legend</a></nav>\n");
        body.append("</header>\n");

        a.seed().ifPresent(s -> {
            body.append("<section id=\"seed\">\n<h2>Seed article check</h2>\n");
            t.seedIntro(s).forEach(l -> body.append("<p>").append(esc(l)).append("</p>\n"));
            body.append(t.seed(s).toHtml("results")).append(t.seedRatios(s).toHtml("results"));
            t.seedLegend().forEach(l -> body.append("<p class=\"notes\">").append(esc(l)).append("</p>\n"));
            body.append("</section>\n");
        });

        for (String w : workloads(a)) {
            body.append("<section id=\"w-").append(esc(w)).append("\">\n<h2>Workload ").append(esc(w)).append("</h2>\n");
            List<WorkloadTable> tables = a.tables().stream().filter(x -> x.workload().equals(w)).toList();
            for (WorkloadTable table : tables) {
                body.append("<div class=\"level\" id=\"").append(esc(w + "-" + table.level().label())).append("\">\n");
                body.append("<h3>").append(esc(t.heading(table))).append("</h3>\n");
                body.append(t.workload(table).toHtml("results"));
                List<String> notes = t.notes(table);
                if (!notes.isEmpty()) {
                    body.append("<ul class=\"notes\">\n");
                    notes.forEach(n -> body.append("<li>").append(esc(n)).append("</li>\n"));
                    body.append("</ul>\n");
                }
                String where = w + ", " + table.level().describe();
                boolean open = table.rankBy() == RankBy.P99_LATENCY;
                body.append("<div class=\"charts\">\n");
                chart(body, "throughput", w, table.level().label(), where + ": " + (open ? "achieved req/s" : "req/s"),
                        open ? "Achieved requests per second (median of ranked trials); the dark bar is the 95%"
                                + " confidence interval of the median, the dashed line the offered rate."
                                : "Requests per second (median of ranked trials); the dark bar is the 95% confidence"
                                + " interval of the median. Ranks come from the intervals of the pairwise ratios.");
                chart(body, "percentiles", w, table.level().label(), where + ": latency by percentile",
                        "Latency percentile distribution, all trials merged (HdrHistogram style): x is 1/(1-p) on"
                                + " a log scale so 90%, 99%, 99.9% are evenly spaced; lower is better.");
                chart(body, "resources", w, table.level().label(), where + ": server CPU and memory",
                        "Server CPU use in cores (left axis) and mean resident memory in MiB (right axis),"
                                + " medians of trials.");
                body.append("</div>\n</div>\n");
            }
            long closedLevels = tables.stream().filter(x -> x.level() instanceof LoadLevel.Closed).count();
            long openLevels = tables.stream().filter(x -> x.level() instanceof LoadLevel.Open).count();
            if (closedLevels > 1 || openLevels > 0) {
                body.append("<div class=\"level\">\n<h3>").append(esc(w)).append(" across load levels</h3>\n");
                body.append("<div class=\"charts\">\n");
                if (closedLevels > 1) {
                    chart(body, "throughput-vs-connections", w, "", w + ": req/s vs connections",
                            "Median req/s at each closed-model level: where a contestant stops scaling.");
                    chart(body, "p99-vs-connections", w, "", w + ": p99 latency vs connections",
                            "Median p99 latency at each closed-model level (log scale).");
                }
                if (openLevels > 0) {
                    chart(body, "latency-vs-rate", w, "", w + ": latency vs offered rate",
                            "p99 (solid) and p50 (dashed) latency at each offered rate (open model, timed from"
                                    + " the intended send time; log scale). A line shooting up marks saturation.");
                }
                body.append("</div>\n</div>\n");
            }
            body.append("</section>\n");
        }

        if (!a.realtime().isEmpty()) {
            section(body, "realtime", ClaimWorkloadTables.REALTIME_HEADING, cw.realtime(a.realtime()), cw.realtimeNotes());
        }
        if (!a.blocking().isEmpty()) {
            section(body, "blocking", ClaimWorkloadTables.BLOCKING_HEADING, cw.blocking(a.blocking()), cw.blockingNotes());
        }
        if (!a.connectionScaling().isEmpty()) {
            section(body, "scaling", ClaimWorkloadTables.SCALING_HEADING, cw.scaling(a.connectionScaling()), cw.scalingNotes());
        }
        body.append("<section id=\"contestants\">\n<h2>Contestants</h2>\n").append(t.contestants(a).toHtml("results"));
        List<String> notMeasured = t.notMeasured(a);
        if (!notMeasured.isEmpty()) {
            body.append("<p><strong>Not measured</strong></p>\n<ul class=\"notes\">\n");
            notMeasured.forEach(l -> body.append("<li>").append(esc(l)).append("</li>\n"));
            body.append("</ul>\n");
        }
        if (a.run().contestants().stream().anyMatch(c -> c.startupMillis() != null)) {
            body.append("<div class=\"charts\">\n");
            chart(body, "startup", "", "", "Startup time and idle memory",
                    "From process start to the first successful readiness probe (left), and resident memory"
                            + " when idle after start (right).");
            body.append("</div>\n");
        }
        body.append("</section>\n<section id=\"legend\">\n<h2>Legend</h2>\n<ul>\n");
        t.legend(a).forEach(l -> body.append("<li>").append(esc(l)).append("</li>\n"));
        body.append("</ul>\n</section>\n");
        body.append("<footer>Made by Stackbench from run.json and the trials' HdrHistogram logs. Charts: ")
                .append(esc(library.name())).append(' ').append(esc(library.version())).append(" (")
                .append(esc(library.license())).append(" licence), inlined; this file needs no network.</footer>\n");

        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"").append(esc(lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(t.title(a.run()))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n")
                .append("<script>window.__stackbenchErrors = [];\n")
                .append("window.addEventListener('error', function (e) {"
                        + " window.__stackbenchErrors.push(String(e.message)); });</script>\n")
                .append("</head>\n<body data-locale=\"").append(esc(lang)).append("\">\n")
                .append("<p id=\"chart-status\" class=\"status\" data-expected=\"").append(charts)
                .append("\" data-rendered=\"0\" data-errors=\"0\">Charts need JavaScript: ")
                .append(charts).append(" charts not drawn yet.</p>\n")
                .append(body)
                .append("<script type=\"application/json\" id=\"stackbench-data\">\n")
                .append(Html.scriptSafe(new JsonRenderer().render(a)))
                .append("</script>\n<script>\n").append(Html.scriptSafe(library.script()))
                .append("\n</script>\n<script>\n").append(Html.scriptSafe(script()))
                .append("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    private void chart(StringBuilder out, String kind, String workload, String level, String title, String caption) {
        charts++;
        out.append("<figure><div class=\"chart\"><canvas data-chart=\"").append(kind).append('"');
        if (!workload.isEmpty()) {
            out.append(" data-workload=\"").append(esc(workload)).append('"');
        }
        if (!level.isEmpty()) {
            out.append(" data-level=\"").append(esc(level)).append('"');
        }
        out.append(" data-title=\"").append(esc(title)).append("\" role=\"img\" aria-label=\"").append(esc(title))
                .append("\"></canvas></div><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }

    private static void section(StringBuilder body, String id, String heading, Table table, List<String> notes) {
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n").append(table.toHtml("results"));
        body.append("<ul class=\"notes\">\n");
        notes.forEach(n -> body.append("<li>").append(esc(n)).append("</li>\n"));
        body.append("</ul>\n</section>\n");
    }

    private static List<String> workloads(Analysis a) {
        return a.tables().stream().map(WorkloadTable::workload).distinct().toList();
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    private static String script() {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT + " next to " + HtmlRenderer.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CSS = """
            :root { --fg: #1d2430; --muted: #5b6473; --line: #d9dde3; --bg: #ffffff; --band: #f5f7fa; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
                   background: var(--bg); margin: 0 auto; max-width: 1280px; padding: 16px 24px 48px; }
            h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 20px; margin: 32px 0 8px;
                 border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; }
            .summary { color: var(--muted); padding-left: 18px; margin: 4px 0; }
            nav { margin: 8px 0; } nav a { color: #2a5bd7; text-decoration: none; }
            .scroll { overflow-x: auto; max-width: 100%; }
            table.results { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
            table.results th, table.results td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left;
                 white-space: nowrap; }
            table.results th { background: var(--band); font-weight: 600; }
            table.results .num { text-align: right; }
            .notes { color: var(--muted); margin: 4px 0; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 16px; margin: 10px 0; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
            .chart { position: relative; height: 300px; }
            figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
            .status { font-size: 12px; color: var(--muted); margin: 0; }
            .status.bad { color: #b00020; font-weight: 600; }
            .summary .warning { color: #b00020; font-weight: 600; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            """;
}
