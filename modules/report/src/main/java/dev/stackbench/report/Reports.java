package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.claims.ClaimsReport;
import java.util.Locale;
import java.util.Objects;

/**
 * The one entry point of the renderers.
 *
 * <pre>{@code
 * Reports reports = new Reports(Locale.getDefault(Locale.Category.FORMAT), ChartLibrary.chartJs());
 * String html = reports.render(Format.HTML, analysis);
 * }</pre>
 *
 * <p>Thread-safe: immutable, every call builds its own output.
 */
public final class Reports {
    private final Locale locale;
    private final ChartLibrary chartLibrary;

    /**
     * @param locale number formatting of the human formats (text, md, html tables); JSON ignores it
     * @param chartLibrary the script inlined into HTML reports
     */
    public Reports(Locale locale, ChartLibrary chartLibrary) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.chartLibrary = Objects.requireNonNull(chartLibrary, "chartLibrary");
    }

    /** @return the report of one run in the format */
    public String render(Format format, Analysis analysis) {
        HumanFormat human = new HumanFormat(locale);
        return switch (format) {
            case TEXT -> new TextRenderer(human).render(analysis);
            case MD -> new MarkdownRenderer(human).render(analysis);
            case HTML -> new HtmlRenderer(human, chartLibrary).render(analysis);
            case JSON -> new JsonRenderer().render(analysis);
        };
    }

    /**
     * @return the Claims section of one run (one row per claim: quote, verdict, evidence, caveats)
     *     in the format; HTML is one self-contained page
     */
    public String claims(Format format, ClaimsReport report) {
        HumanFormat human = new HumanFormat(locale);
        return switch (format) {
            case TEXT -> new ClaimsRenderer(human).text(report);
            case MD -> new ClaimsRenderer(human).markdown(report);
            case HTML -> new ClaimsRenderer(human).html(report);
            case JSON -> new ClaimsJson().render(report);
        };
    }

    /**
     * @return the comparison of two runs in the format
     * @throws IllegalArgumentException for {@link Format#HTML}
     */
    public String compare(Format format, Comparison comparison) {
        HumanFormat human = new HumanFormat(locale);
        return switch (format) {
            case TEXT -> new TextRenderer(human).compare(comparison);
            case MD -> new MarkdownRenderer(human).compare(comparison);
            case JSON -> new JsonRenderer().compare(comparison);
            case HTML -> throw new IllegalArgumentException("compare writes text, md or json, not html");
        };
    }
}
