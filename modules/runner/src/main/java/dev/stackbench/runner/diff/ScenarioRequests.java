package dev.stackbench.runner.diff;

import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.RequestSequence;
import dev.stackbench.runner.scenario.ScenarioFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The request set of {@code diff --scenario}: a scenario's request mix expanded into concrete
 * requests, each kind drawn by weight and each template filled in from one seeded random
 * ({@link RequestSequence}). The list is drawn once and replayed to old, old2 and new alike; each
 * request keeps its kind, under which the report groups it.
 */
public final class ScenarioRequests {
    /** Requests drawn by default. */
    public static final int DEFAULT_COUNT = 100;

    private ScenarioRequests() {
    }

    /**
     * @param count how many requests, &gt;= 1
     * @param seed  seeds the draw: the same scenario, seed and count give the same requests
     * @return the requests in the order drawn; headers the HTTP client sets itself (Host,
     *         Content-Length, Connection, ...) are left to it, as the load generator does
     */
    public static List<ReplayRequest> of(ScenarioFile scenario, long seed, int count) {
        List<ReplayRequest> out = new ArrayList<>(count);
        for (RequestSequence.Drawn d : RequestSequence.draw(scenario.requests(), seed, count)) {
            List<Header> headers = d.kind().headers().stream()
                    .filter(h -> !RequestFile.CLIENT_OWNED.contains(h.name().toLowerCase(Locale.ROOT))).toList();
            out.add(new ReplayRequest(d.kind().method(), d.target(), headers, d.kind().body(), Optional.of(d.kind())));
        }
        return out;
    }

    /** @return how the report names the source, e.g. {@code scenario mix.yaml (3 kinds by weight, seed 1)} */
    public static String source(Path file, ScenarioFile scenario, long seed) {
        int kinds = scenario.requests().size();
        return "scenario " + file + " (" + kinds + (kinds == 1 ? " kind" : " kinds by weight") + ", seed " + seed + ")";
    }

    /**
     * @return a note naming what of the scenario diff does not use (its stages and thresholds are
     *         {@code stackbench load}'s), or empty when it uses all of it
     */
    public static Optional<String> unused(Path file, ScenarioFile scenario) {
        List<String> parts = new ArrayList<>();
        if (!scenario.stages().isEmpty()) {
            parts.add("stages");
        }
        if (!scenario.thresholds().isEmpty()) {
            parts.add("thresholds");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("note: scenario file '" + file + "': its " + String.join(" and ", parts) + " are for stackbench load;"
                + " diff replays its requests and, with --load, drives them with -c or --rate");
    }
}
