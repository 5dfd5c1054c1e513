/**
 * The Stackbench load generator: drives HTTP/1.1 load against one target in a closed model
 * (N connections, each sending its next request when the previous response is complete) or an
 * open model (a constant arrival rate, latency timed from each request's intended send time),
 * records latency in HdrHistogram, counts errors by class and watches its own health.
 *
 * <p>It knows nothing of contestants or reports. Usage:
 * <pre>{@code
 * LoadSpec spec = LoadSpec.builder(URI.create("http://127.0.0.1:8080/json"))
 *         .connections(100).duration(Duration.ofSeconds(10)).build();
 * LoadResult result = new LoadGenerator(spec).run(ProgressListener.NONE);
 * System.out.println(result.latency().p99Micros());
 * }</pre>
 */
package dev.stackbench.loadgen;
