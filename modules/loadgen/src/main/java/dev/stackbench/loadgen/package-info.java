/**
 * The Stackbench load generator: drives HTTP/1.1 or HTTP/2 load, over TCP or TLS, against one target in a closed model
 * (N connections, each sending its next request when the previous response is complete) or an
 * open model (a constant arrival rate, latency timed from each request's intended send time),
 * records latency in HdrHistogram, counts errors by class and watches its own health.
 *
 * <p>What it reports, as a user meets it: throughput counts the responses completed inside the
 * measured window; sends stop at its end. Every request intended inside the window is in the
 * latency histogram: its response (successes and errors also apart), or a censored value when it
 * timed out (at its timeout) or was never sent (at its wait until the end), so percentiles from the
 * first censored rank on are lower bounds ({@link dev.stackbench.loadgen.LatencySummary#isLowerBound}).
 * In the open model the connection pool grows on demand up to a cap and says when the cap limited
 * the level; the event loops send on offset phases. The generator watches itself: a hiccup probe
 * per event loop, the send lag, its CPU and the hypervisor's steal ({@link dev.stackbench.loadgen.GeneratorHealth}).
 *
 * <p>A run may mix several {@link dev.stackbench.loadgen.RequestKind}s by weight, with path templates
 * ({@code {random:MIN..MAX}}) drawn per request from a seeded random, and is then reported per kind
 * ({@link dev.stackbench.loadgen.KindResult}); the open model may follow a schedule of
 * {@link dev.stackbench.loadgen.RateStage}s (steps, ramps; {@link dev.stackbench.loadgen.StageResult} each)
 * with even or Poisson arrivals; {@link dev.stackbench.loadgen.Threshold}s are evaluated at the end
 * ({@link dev.stackbench.loadgen.ThresholdResult}) and may end the run early.
 *
 * <p>{@code https://} goes through Netty's SslHandler ({@link dev.stackbench.loadgen.TlsClient}: OpenSSL where it
 * loads, else the JDK's engine; shared with the WebSocket engine), each handshake timed and never part of a request's
 * latency. HTTP/2 (h2 by ALPN over TLS, h2c with prior knowledge) goes through Netty's Http2FrameCodec, each of a
 * connection's streams a {@code RequestSlot} under the same rules as an HTTP/1.1 connection; the run's protocol and
 * handshakes are in {@link dev.stackbench.loadgen.ConnectionSummary}. A target that refuses TLS or HTTP/2 ends the run
 * before any load ({@link dev.stackbench.loadgen.ConnectionSetupException}).
 *
 * <p>It knows nothing of contestants or reports; its own human summary, as wrk prints one, is
 * {@link dev.stackbench.loadgen.summary}. Usage:
 * <pre>{@code
 * LoadSpec spec = LoadSpec.builder(URI.create("http://127.0.0.1:8080/json"))
 *         .connections(100).duration(Duration.ofSeconds(10)).build();
 * LoadResult result = new LoadGenerator(spec).run(ProgressListener.NONE);
 * System.out.println(result.latency().p99Micros());
 * }</pre>
 */
package dev.stackbench.loadgen;
