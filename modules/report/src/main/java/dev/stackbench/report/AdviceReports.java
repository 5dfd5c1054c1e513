package dev.stackbench.report;

import dev.stackbench.analysis.advise.Advice;
import java.util.Locale;
import java.util.Objects;

/**
 * The renderers of {@code stackbench advise}: the same {@link Advice} in every {@link Format}.
 *
 * <pre>{@code
 * String md = new AdviceReports(Locale.US, ChartLibrary.chartJs()).render(Format.MD, advice);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class AdviceReports {
    private final Locale locale;
    private final ChartLibrary chartLibrary;

    /**
     * @param locale number formatting of text, md and html; json ignores it
     * @param chartLibrary the script inlined into the HTML page
     */
    public AdviceReports(Locale locale, ChartLibrary chartLibrary) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.chartLibrary = Objects.requireNonNull(chartLibrary, "chartLibrary");
    }

    /** @return the advice in the format */
    public String render(Format format, Advice advice) {
        HumanFormat human = new HumanFormat(locale);
        return switch (format) {
            case TEXT -> new AdviceTextRenderer(human).render(advice);
            case MD -> new AdviceMarkdownRenderer(human).render(advice);
            case HTML -> new AdviceHtmlRenderer(human, chartLibrary).render(advice);
            case JSON -> new AdviceJsonRenderer().render(advice);
        };
    }
}
