/**
 * The runner box: executes a suite across contestants started by the lab, drives each trial with
 * the load generator while the server is monitored, and writes the results directory the reports
 * are rendered from. It renders nothing: what a person sees comes through {@link dev.stackbench.runner.RunListener}.
 */
package dev.stackbench.runner;
