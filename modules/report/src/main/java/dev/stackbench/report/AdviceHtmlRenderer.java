package dev.stackbench.report;

import dev.stackbench.analysis.advise.Advice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The advice as one self-contained HTML page: the tables of the text format, and a chart of the
 * monthly cost against the p99 target per contestant, drawn by the inlined chart library from the
 * embedded advice JSON. Works offline.
 */
final class AdviceHtmlRenderer {
    private static final String SCRIPT = "advice.js";
    private final HumanFormat f;
    private final AdviceTables t;
    private final ChartLibrary library;

    AdviceHtmlRenderer(HumanFormat format, ChartLibrary library) {
        this.f = format;
        this.t = new AdviceTables(format);
        this.library = library;
    }

    String render(Advice a) {
        String lang = f.locale().equals(Locale.ROOT) ? "en" : f.locale().toLanguageTag();
        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>").append(esc(t.title())).append("</h1>\n<ul class=\"summary\">\n");
        t.profile(a).forEach(l -> body.append("<li>").append(esc(l)).append("</li>\n"));
        body.append("</ul>\n</header>\n");
        body.append("<section id=\"ranking\">\n<h2>Ranking: measured cost to meet the target first, then your weights</h2>\n");
        body.append(a.ranked().isEmpty() ? "<p>No contestant meets the target at a measured rate.</p>\n"
                : t.ranking(a).toHtml("results"));
        list(body, "Cannot meet the target", t.cannotMeet(a));
        list(body, "Not measurable from these runs", t.notMeasurable(a));
        body.append("<div class=\"charts\">\n<figure><div class=\"chart\"><canvas data-chart=\"cost-vs-target\""
                + " data-title=\"Monthly cost against the p99 target\" role=\"img\""
                + " aria-label=\"Monthly cost against the p99 target\"></canvas></div><figcaption>")
                .append(esc("Monthly cost to carry the peak with the headroom, per contestant, at p99 targets from a"
                        + " quarter to four times yours (log scale); a gap means it cannot meet that target at any"
                        + " measured rate. The dashed line is your target."))
                .append("</figcaption></figure>\n</div>\n</section>\n");
        body.append("<section id=\"capacity\">\n<h2>").append(esc(t.capacityHeading(a))).append("</h2>\n")
                .append(t.capacities(a).toHtml("results")).append("</section>\n");
        list(body, "What the answer is sensitive to", t.sensitivity(a));
        if (!a.profile().needs().isEmpty()) {
            body.append("<section id=\"needs\">\n<h2>Needs the measurements cannot see</h2>\n")
                    .append(t.needs(a).toHtml("results")).append("</section>\n");
        }
        list(body, "Notes", a.notes());
        body.append("<footer>Made by Stackbench from the profile and run.json. Charts: ").append(esc(library.name()))
                .append(' ').append(esc(library.version())).append(" (").append(esc(library.license()))
                .append(" licence), inlined; this file needs no network.</footer>\n");

        return "<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(t.title()) + "</title>\n<style>\n" + CSS + "</style>\n"
                + "<script>window.__stackbenchErrors = [];\n"
                + "window.addEventListener('error', function (e) { window.__stackbenchErrors.push(String(e.message)); });</script>\n"
                + "</head>\n<body data-locale=\"" + esc(lang) + "\">\n"
                + "<p id=\"chart-status\" class=\"status\" data-expected=\"1\" data-rendered=\"0\" data-errors=\"0\">"
                + "Charts need JavaScript: 1 chart not drawn yet.</p>\n"
                + body
                + "<script type=\"application/json\" id=\"stackbench-advice\">\n"
                + Html.scriptSafe(new AdviceJsonRenderer().render(a))
                + "</script>\n<script>\n" + Html.scriptSafe(library.script())
                + "\n</script>\n<script>\n" + Html.scriptSafe(script()) + "</script>\n</body>\n</html>\n";
    }

    private static void list(StringBuilder body, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        body.append("<h3>").append(esc(heading)).append("</h3>\n<ul class=\"notes\">\n");
        lines.forEach(l -> body.append("<li>").append(esc(l)).append("</li>\n"));
        body.append("</ul>\n");
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    private static String script() {
        try (InputStream in = AdviceHtmlRenderer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT + " next to " + AdviceHtmlRenderer.class);
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
            .scroll { overflow-x: auto; max-width: 100%; }
            table.results { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
            table.results th, table.results td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left;
                 white-space: nowrap; }
            table.results th { background: var(--band); font-weight: 600; }
            table.results .num { text-align: right; }
            .notes { color: var(--muted); margin: 4px 0; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 16px; margin: 10px 0; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
            .chart { position: relative; height: 340px; }
            figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
            .status { font-size: 12px; color: var(--muted); margin: 0; }
            .status.bad { color: #b00020; font-weight: 600; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            """;
}
