/**
 * Checking a server against API spec v2 (docs/api.md): one request per check, exact JSON bodies,
 * status codes and the common headers ({@link dev.stackbench.lab.verify.SpecVerifier}), and the
 * realtime workload's WebSocket broadcast, ping and close over the JDK's WebSocket client; and the
 * whole round of start, check and stop for a contestant, reusable by {@code run} to exclude
 * failing contestants from measurement ({@link dev.stackbench.lab.verify.Verifier}).
 */
package dev.stackbench.lab.verify;
