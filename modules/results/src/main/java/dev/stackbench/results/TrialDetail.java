package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a trial measured beyond an HTTP trial's totals: the figures of its measurement kind
 * (schema 3). An ordinary HTTP trial has none ({@link Trial#detail()} is null and the field is
 * left out of {@code run.json}).
 *
 * <p>In JSON: {@code {"kind":"fanout",...}} or {@code {"kind":"mix",...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TrialDetail.Fanout.class, name = "fanout"),
        @JsonSubTypes.Type(value = TrialDetail.Mix.class, name = "mix")})
public sealed interface TrialDetail {

    /**
     * A WebSocket fan-out trial (workload {@code realtime}, level {@link LoadLevel.Fanout}). Its
     * {@link Trial} holds the deliveries as responses: {@code requests} = deliveries received,
     * {@code throughputPerSecond} = deliveries per second, {@code latencyMicros} = every delivery's
     * latency from its message's intended publish time, {@code errors.connect} = subscribers that
     * did not connect, {@code errors.timeout} = missing deliveries (owed, never received within
     * the timeout after the window).
     *
     * @param connected        subscribers whose upgrade succeeded, 0..the level's subscribers
     * @param published        messages published in the window
     * @param missing          deliveries owed ({@code published x connected}) and never received
     * @param incompleteMessages messages that some subscriber never received
     * @param lastSubscriberMicros per message, intended publish to its delivery to the last
     *                         subscriber, microseconds, over the messages every subscriber received
     */
    record Fanout(int connected, long published, long missing, long incompleteMessages, Percentiles lastSubscriberMicros)
            implements TrialDetail {
        public Fanout {
            if (connected < 0 || published < 0 || missing < 0 || incompleteMessages < 0) {
                throw new IllegalArgumentException("fan-out counts must be >= 0, was connected " + connected + ", published "
                        + published + ", missing " + missing + ", incomplete " + incompleteMessages);
            }
            Objects.requireNonNull(lastSubscriberMicros, "lastSubscriberMicros");
        }
    }

    /**
     * A request-mix trial at one open-model rate; every kind's own figures are here. Workload
     * {@code blocking} (GET /json with a share of GET /cpu): its {@link Trial} holds the figures of
     * the kind it is about, the first ({@code json}: {@code requests}, {@code throughputPerSecond},
     * {@code latencyMicros}). Workload {@value Plan#MIX} (a profile's mix, schema 4, the kinds as in
     * {@link Plan#mix()}): its {@link Trial} holds the whole mix's figures, every request of every kind.
     *
     * @param kinds every request kind of the mix, in the mix's order, at least one; for
     *     {@code blocking} the first is the one the trial's figures describe
     */
    record Mix(List<Kind> kinds) implements TrialDetail {
        public Mix {
            kinds = List.copyOf(kinds);
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("a mix has at least one kind");
            }
        }
    }

    /**
     * One kind of a mix.
     *
     * @param name               the kind's name, e.g. {@code json}, {@code cpu}
     * @param path               its request target, e.g. {@code /cpu?n=10000}
     * @param weight             its weight in the mix, >= 1
     * @param requests           its responses (any status) inside the window
     * @param throughputPerSecond its successful responses per second
     * @param latencyMicros      latency of every request of the kind (responses of any status and
     *                           its censored values), microseconds, from the intended send time
     * @param errors             its failed requests (errors of every class but connect)
     */
    record Kind(String name, String path, int weight, long requests, double throughputPerSecond, Percentiles latencyMicros,
                long errors) {
        public Kind {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(latencyMicros, "latencyMicros");
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be >= 1, was " + weight);
            }
        }
    }
}
