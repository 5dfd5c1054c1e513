/**
 * The human summary of a {@code stackbench load} run, in the spirit of wrk's: a header saying what
 * runs, then the figures of the {@link dev.stackbench.loadgen.LoadResult} (HTTP,
 * {@link dev.stackbench.loadgen.summary.SummaryPrinter}) or the
 * {@link dev.stackbench.loadgen.ws.WsResult} (WebSocket,
 * {@link dev.stackbench.loadgen.summary.WsSummaryPrinter}). Every duration, size and rate is
 * printed by the config module's one dialect ({@code 4.06 ms}, {@code 1.50 MiB},
 * {@code 14,041 req/s}) and every table by its {@link dev.stackbench.config.TextTable}, so the
 * summary speaks as the progress lines and the reports do. Numbers in {@code Locale.ROOT}, whatever
 * the default locale. The machine forms (JSON, interval logs) are elsewhere.
 */
package dev.stackbench.loadgen.summary;
