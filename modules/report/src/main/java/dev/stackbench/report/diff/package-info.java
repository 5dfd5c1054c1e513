/**
 * Renderers of {@code stackbench diff}'s report: text for the terminal, Markdown, and JSON for
 * machines ({@code "format": "stackbench-diff"}), all from one {@link dev.stackbench.report.diff.DiffView}.
 */
package dev.stackbench.report.diff;
