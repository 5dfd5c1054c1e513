/**
 * Scenario files: a request mix (method, path with templates, headers, body, weight per kind) and
 * optionally an open-model rate schedule, arrivals and thresholds, read from YAML with the strict
 * reader of the config module. One reader for {@code stackbench load --scenario} and
 * {@code stackbench diff --scenario}; the request kinds it yields are the load generator's
 * {@link dev.stackbench.loadgen.RequestKind}s.
 */
package dev.stackbench.runner.scenario;
