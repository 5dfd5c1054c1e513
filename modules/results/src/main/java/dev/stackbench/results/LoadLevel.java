package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Locale;

/**
 * How hard a trial pushes: a closed model (a fixed number of connections, each sending its next
 * request when the previous answer arrives, as wrk and autocannon do) or an open model (a constant
 * arrival rate, latency timed from the intended send time, as wrk2 does).
 *
 * <p>In JSON: {@code {"model":"closed","connections":1000}} or
 * {@code {"model":"open","ratePerSecond":2000.0}}; a WebSocket fan-out (workload {@code realtime},
 * schema 3) is {@code {"model":"fanout","subscribers":1000,"publishPerSecond":20.0}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LoadLevel.Closed.class, name = "closed"),
        @JsonSubTypes.Type(value = LoadLevel.Open.class, name = "open"),
        @JsonSubTypes.Type(value = LoadLevel.Fanout.class, name = "fanout")})
public sealed interface LoadLevel {

    /**
     * @return a short, file-name safe label: {@code c1000} for 1000 connections, {@code r2000}
     *     for 2000 requests/s ({@code r2000.5} for a fractional rate), {@code s1000-p20} for 1000
     *     fan-out subscribers at 20 messages/s; used in hlog file names and the claims catalog
     */
    String label();

    /** @return what a person reads: {@code 1000 connections}, {@code 2000 req/s offered}, {@code 1000 subscribers, 10 msg/s} */
    String describe();

    /**
     * A closed model.
     *
     * @param connections concurrent connections, >= 1
     */
    record Closed(int connections) implements LoadLevel {
        public Closed {
            if (connections < 1) {
                throw new IllegalArgumentException("connections must be >= 1, was " + connections);
            }
        }

        @Override
        public String label() {
            return "c" + connections;
        }

        @Override
        public String describe() {
            return connections + (connections == 1 ? " connection" : " connections");
        }
    }

    /**
     * An open model.
     *
     * @param ratePerSecond the offered (target) arrival rate in requests per second, > 0
     */
    record Open(double ratePerSecond) implements LoadLevel {
        public Open {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("ratePerSecond must be > 0, was " + ratePerSecond);
            }
        }

        @Override
        public String label() {
            return "r" + rateText();
        }

        @Override
        public String describe() {
            return rateText() + " req/s offered";
        }

        private String rateText() {
            return ratePerSecond == Math.rint(ratePerSecond)
                    ? Long.toString((long) ratePerSecond)
                    : String.format(Locale.ROOT, "%s", ratePerSecond);
        }
    }

    /**
     * A WebSocket fan-out: {@code subscribers} connections held open to {@code /ws}, one publisher
     * connection sending {@code publishPerSecond} messages a second (an open model: the schedule
     * never waits for the server), the server broadcasting each to every subscriber.
     *
     * @param subscribers      subscriber connections, >= 1
     * @param publishPerSecond messages published per second, > 0
     */
    record Fanout(int subscribers, double publishPerSecond) implements LoadLevel {
        public Fanout {
            if (subscribers < 1) {
                throw new IllegalArgumentException("subscribers must be >= 1, was " + subscribers);
            }
            if (!(publishPerSecond > 0) || Double.isInfinite(publishPerSecond)) {
                throw new IllegalArgumentException("publishPerSecond must be > 0, was " + publishPerSecond);
            }
        }

        @Override
        public String label() {
            return "s" + subscribers + "-p" + number(publishPerSecond);
        }

        @Override
        public String describe() {
            return subscribers + (subscribers == 1 ? " subscriber, " : " subscribers, ") + number(publishPerSecond) + " msg/s";
        }

        /** @return the deliveries per second the server owes: every message to every subscriber */
        public double expectedDeliveriesPerSecond() {
            return subscribers * publishPerSecond;
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
