package dev.stackbench.report.diff;

import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.LoadComparison;
import dev.stackbench.analysis.diff.LoadRound;
import java.util.List;
import java.util.Optional;

/**
 * Everything a diff report shows.
 *
 * @param old           the old backend, e.g. {@code http://127.0.0.1:3000} or {@code express (http://127.0.0.1:40111)}
 * @param neu           the new backend, the same way
 * @param old2          the second old backend, if any
 * @param requestSource where the requests came from, e.g. {@code requests.txt} or {@code the endpoints of docs/api.md}
 * @param report        the correctness comparison
 * @param load          the {@code --load} comparison, if asked for
 */
public record DiffView(String old, String neu, Optional<String> old2, String requestSource, DiffReport report, Optional<Load> load) {

    /**
     * The {@code --load} half.
     *
     * @param description  the load, e.g. {@code closed model, 50 connections, 6 rounds of 5s (warm-up 2s), order alternating}
     * @param mix          the request mix in one line, e.g. {@code 27 distinct requests of the set, each as often; 14 ... left out (...)}
     * @param kinds        the request kinds driven, at least one
     * @param leftOut      requests of the set (a scenario: request kinds) not driven, as {@code mix} says why
     * @param comparison   new/old with intervals and verdicts
     * @param old          the old backend's trials by round
     * @param neu          the new backend's trials by round
     * @param orders       each round's order
     */
    public record Load(String description, String mix, List<Kind> kinds, int leftOut, LoadComparison comparison, List<LoadRound> old,
                       List<LoadRound> neu, List<List<String>> orders) {
        public Load {
            kinds = List.copyOf(kinds);
            old = List.copyOf(old);
            neu = List.copyOf(neu);
            orders = List.copyOf(orders);
        }
    }

    /**
     * One request kind of the load mix.
     *
     * @param name   e.g. {@code users}
     * @param method e.g. {@code GET}
     * @param path   relative to the backend's base URL, templates as written, e.g. {@code /api/users/{random:1..10000}}
     * @param weight relative frequency, &gt;= 1
     */
    public record Kind(String name, String method, String path, int weight) {
    }
}
