/**
 * Renderers over an analysed run: a terminal table, Markdown, JSON for machines and one
 * self-contained HTML file with charts; and the Claims section of a judged run
 * ({@link dev.stackbench.report.Reports#claims}). Selected by {@link dev.stackbench.report.Format} and one
 * switch in {@link dev.stackbench.report.Reports}; no plugin framework.
 *
 * <p>Locale rule: the human formats (text, Markdown, the tables and charts of HTML) format numbers
 * in the {@link java.util.Locale} they are given, which the CLI takes from the user's environment
 * ({@code 14,041} in en-US, {@code 14.041} in de-DE). The machine formats (JSON, and the data
 * embedded in the HTML) always use {@link java.util.Locale#ROOT}. No renderer reads the JVM's
 * default locale.
 */
package dev.stackbench.report;
