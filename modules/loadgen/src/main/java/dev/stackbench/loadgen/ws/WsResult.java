package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.GeneratorEnvironment;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LatencySummary;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one WebSocket run. Messages count when their intended send time falls in the
 * measured interval; their replies or deliveries count when they arrive before the drain ends
 * (one timeout after the interval).
 *
 * @param spec                 what was run
 * @param measuredSeconds      the measured interval, seconds (0 when no connection opened)
 * @param connectionsOpen      connections whose upgrade succeeded (fan-out: the subscribers)
 * @param sent                 echo: messages due in the interval (sent or, with no open connection, not);
 *                             fan-out: messages published in the interval
 * @param received             echo: replies; fan-out: deliveries to subscribers
 * @param missing              echo: {@code sent - received}; fan-out:
 *                             {@code sent x connectionsOpen - received}, never below 0
 * @param latency              echo: intended send to reply; fan-out: intended publish to each delivery; microseconds
 * @param latencyHistogram     the full latency histogram, microseconds
 * @param lastDelivery         fan-out: per message, intended publish to its delivery to the last
 *                             subscriber, for messages every subscriber received; empty for echo
 * @param lastDeliveryHistogram the full histogram of {@link #lastDelivery}, microseconds
 * @param incompleteMessages   fan-out: published messages that some subscriber never received
 * @param connect              per connection, from the TCP connect to the completed upgrade (TLS included), microseconds
 * @param connectHistogram     the full connect-time histogram, microseconds
 * @param errors               errors by class
 * @param closedCleanly        connections whose close handshake at the end the server completed
 * @param timeline             one sample per second of the measured interval (replies or deliveries)
 * @param health               the generator's own health; target and achieved rates are of the sending
 *                             side (echo messages, or messages published)
 * @param environment          where it ran
 */
public record WsResult(WsSpec spec, double measuredSeconds, int connectionsOpen, long sent, long received, long missing,
                       LatencySummary latency, Histogram latencyHistogram,
                       LatencySummary lastDelivery, Histogram lastDeliveryHistogram, long incompleteMessages,
                       LatencySummary connect, Histogram connectHistogram, WsErrors errors, long closedCleanly,
                       List<IntervalSample> timeline, GeneratorHealth health, GeneratorEnvironment environment) {
    public WsResult {
        timeline = List.copyOf(timeline);
    }

    /** @return replies or deliveries per second over the measured interval */
    public double receiveRate() {
        return measuredSeconds <= 0 ? 0 : received / measuredSeconds;
    }

    /** @return whether this was a fan-out run */
    public boolean fanOut() {
        return spec.pattern() instanceof WsPattern.FanOut;
    }

    /** @return generator CPU time per message received, microseconds (0 when none was received) */
    public double cpuMicrosPerMessage() {
        return received == 0 ? 0 : health.cpuSeconds() * 1e6 / received;
    }
}
