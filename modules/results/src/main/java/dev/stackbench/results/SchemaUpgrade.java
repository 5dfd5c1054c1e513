package dev.stackbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Brings an older {@code run.json} tree up to the current schema by filling the fields it did not
 * have, so that one strict reader serves every version. Schema 3 added the generator's
 * {@code lagged} (its own lag told apart from a CPU-bound generator): older trials get null, and
 * their {@code bound} keeps its old meaning (any of the generator's concerns). The defaults for a
 * schema-1 tree say what schema-1 runs did:
 * <ul>
 *   <li>{@code plan.rounds} = {@code plan.trials}, {@code shuffleSeed} 0, {@code warmupCap} =
 *       {@code warmup} (a fixed warm-up);</li>
 *   <li>trial {@code round} = its trial index (schema-1 runs measured each cell's trials back to
 *       back, so pairing by round gives no protection against drift there), {@code started}
 *       null, {@code warmupSeconds} = the plan's warm-up, {@code unsent} 0,
 *       {@code errorLatencyMicros} null, {@code invalid} empty;</li>
 *   <li>percentiles {@code count} = the trial's {@code requests} (schema 1 recorded every
 *       response, any status, and dropped timeouts), {@code censored} 0;</li>
 *   <li>server {@code databaseCpuCores} null, {@code source} {@code proc}; generator probes
 *       null, {@code connectionLimited} false; contestant {@code restarts} 0; run
 *       {@code reference} empty.</li>
 * </ul>
 * The tree keeps its {@code schemaVersion}, so readers can tell.
 */
final class SchemaUpgrade {

    private SchemaUpgrade() {
    }

    /** Fills the schema-3 fields of a schema-2 tree, in place. Leaves malformed parts for the reader to report. */
    static void fromV2(ObjectNode run) {
        if (run.get("trials") != null) {
            for (JsonNode t : run.get("trials")) {
                if (t instanceof ObjectNode trial && trial.get("generator") instanceof ObjectNode generator
                        && !generator.has("lagged")) {
                    generator.putNull("lagged");
                }
            }
        }
    }

    /** Fills the schema-2 fields of a schema-1 tree, in place. Leaves malformed parts for the reader to report. */
    static void fromV1(ObjectNode run) {
        double warmupSeconds = 0;
        if (run.get("plan") instanceof ObjectNode plan) {
            JsonNode trials = plan.get("trials");
            putIfAbsent(plan, "rounds", trials);
            if (!plan.has("shuffleSeed")) {
                plan.put("shuffleSeed", 0L);
            }
            putIfAbsent(plan, "warmupCap", plan.get("warmup"));
            warmupSeconds = seconds(plan.get("warmup"));
        }
        if (run.get("contestants") != null) {
            for (JsonNode c : run.get("contestants")) {
                if (c instanceof ObjectNode contestant && !contestant.has("restarts")) {
                    contestant.put("restarts", 0);
                }
            }
        }
        if (run.get("trials") != null) {
            for (JsonNode t : run.get("trials")) {
                if (t instanceof ObjectNode trial) {
                    trial(trial, warmupSeconds);
                }
            }
        }
        if (!run.has("reference")) {
            run.putArray("reference");
        }
    }

    /**
     * A plan without {@code params} or {@code mix} did not record them (schemas 1 to 3) or measured no mix
     * (schema 4 leaves a null out): sets them to null, in place, so that the strict reader accepts it.
     */
    static void absentPlanFields(ObjectNode run) {
        if (run.get("plan") instanceof ObjectNode plan) {
            for (String field : new String[] {"params", "mix"}) {
                if (!plan.has(field)) {
                    plan.putNull(field);
                }
            }
        }
    }

    /**
     * A trial without {@code detail} is an ordinary HTTP trial (schemas 1 and 2 had none; schema 3
     * leaves it out when null): sets it to null, in place, so that the strict reader accepts it.
     */
    static void absentDetails(ObjectNode run) {
        if (run.get("trials") != null) {
            for (JsonNode t : run.get("trials")) {
                if (t instanceof ObjectNode trial && !trial.has("detail")) {
                    trial.putNull("detail");
                }
            }
        }
    }

    private static void trial(ObjectNode trial, double warmupSeconds) {
        putIfAbsent(trial, "round", trial.get("trial"));
        if (!trial.has("started")) {
            trial.putNull("started");
        }
        if (!trial.has("warmupSeconds")) {
            trial.put("warmupSeconds", warmupSeconds);
        }
        if (!trial.has("unsent")) {
            trial.put("unsent", 0L);
        }
        if (!trial.has("errorLatencyMicros")) {
            trial.putNull("errorLatencyMicros");
        }
        if (!trial.has("invalid")) {
            trial.putArray("invalid");
        }
        JsonNode requests = trial.get("requests");
        percentiles(trial.get("latencyMicros"), requests);
        percentiles(trial.get("serviceTimeMicros"), requests);
        if (trial.get("server") instanceof ObjectNode server) {
            if (!server.has("databaseCpuCores")) {
                server.putNull("databaseCpuCores");
            }
            if (!server.has("source")) {
                server.put("source", ServerUsage.PROC);
            }
        }
        if (trial.get("generator") instanceof ObjectNode generator) {
            for (String probe : new String[] {"hiccupMaxMicros", "sendLagP99Micros", "stealFraction"}) {
                if (!generator.has(probe)) {
                    generator.putNull(probe);
                }
            }
            if (!generator.has("connectionLimited")) {
                generator.put("connectionLimited", false);
            }
        }
    }

    private static void percentiles(JsonNode node, JsonNode requests) {
        if (node instanceof ObjectNode p) {
            putIfAbsent(p, "count", requests);
            if (!p.has("censored")) {
                p.put("censored", 0L);
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, JsonNode value) {
        if (!node.has(field) && value != null) {
            node.set(field, value.deepCopy());
        }
    }

    /** @return an ISO-8601 duration's seconds, 0 when it is not one (the reader reports that) */
    private static double seconds(JsonNode duration) {
        try {
            return duration == null ? 0 : Duration.parse(duration.asText()).toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
