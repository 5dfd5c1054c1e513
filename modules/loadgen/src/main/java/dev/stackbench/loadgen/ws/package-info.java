/**
 * The WebSocket engine of the load generator: N connections opened and held against one
 * {@code ws://} or {@code wss://} URL, through Netty's WebSocket codec (client handshaker,
 * frames, ping answered with pong, close handshake at the end).
 *
 * <p>Two patterns ({@link dev.stackbench.loadgen.ws.WsPattern}):
 * <ul>
 *   <li>echo: every connection sends messages, in the closed model (the next one when the reply
 *       arrives) or the open model (a fixed schedule); latency from the intended send time to the
 *       reply, so a stalled server is not hidden (no coordinated omission);</li>
 *   <li>fan-out: the connections subscribe; a publisher (a WebSocket connection or HTTP POSTs)
 *       sends messages at a fixed rate; every delivery's latency (publish to receive), and per
 *       message the time until the last subscriber has it; missing deliveries are counted.</li>
 * </ul>
 *
 * <p>Every message carries a stamp ({@code ~sb:} and 32 hex digits: the intended send time in
 * {@link System#nanoTime()} nanoseconds of this JVM, and a sequence number) that the receiver
 * finds anywhere in the payload, so a server may wrap what it forwards. Usage:
 * <pre>{@code
 * WsSpec spec = WsSpec.builder(URI.create("ws://127.0.0.1:8080/ws"))
 *         .connections(100).pattern(new WsPattern.FanOut(new Publisher.Socket(null), 1000))
 *         .duration(Duration.ofSeconds(10)).build();
 * WsResult r = new WsLoadGenerator(spec).run(ProgressListener.NONE);
 * System.out.println(r.receiveRate() + " deliveries/s, p99 " + r.latency().p99Micros() + " us");
 * }</pre>
 */
package dev.stackbench.loadgen.ws;
