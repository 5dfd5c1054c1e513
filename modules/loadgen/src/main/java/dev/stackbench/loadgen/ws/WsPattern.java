package dev.stackbench.loadgen.ws;

import dev.stackbench.config.RateFormat;
import dev.stackbench.loadgen.LoadModel;

/**
 * What the connections do once they are open.
 *
 * <ul>
 *   <li>{@link Echo}: every connection sends messages and times the server's echo of each.</li>
 *   <li>{@link FanOut}: every connection is a subscriber; a {@link Publisher} sends messages at a
 *       fixed rate and the server forwards each to every subscriber.</li>
 * </ul>
 */
public sealed interface WsPattern permits WsPattern.Echo, WsPattern.FanOut {

    /**
     * Echo: closed model (each connection sends its next message when the reply to the previous
     * arrives) or open model (messages at {@link LoadModel.Open#ratePerSecond()} across all
     * connections, each at its own intended time, replies timed from it).
     *
     * @param model closed or open
     */
    record Echo(LoadModel model) implements WsPattern {
        public Echo {
            if (model == null) {
                throw new IllegalArgumentException("echo needs a load model");
            }
        }

        @Override
        public String toString() {
            return "echo, " + model;
        }
    }

    /**
     * Fan-out: the publisher sends {@code ratePerSecond} messages a second on a fixed schedule;
     * each delivery is timed from its message's intended publish time.
     *
     * @param publisher     who publishes
     * @param ratePerSecond messages published per second, finite and &gt; 0
     */
    record FanOut(Publisher publisher, double ratePerSecond) implements WsPattern {
        public FanOut {
            if (publisher == null) {
                throw new IllegalArgumentException("fan-out needs a publisher");
            }
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("publish rate must be a positive number of messages per second, got " + ratePerSecond);
            }
        }

        @Override
        public String toString() {
            return "fan-out, " + publisher + " publishing " + RateFormat.format(ratePerSecond, "msg/s");
        }
    }
}
