/**
 * Suites: named matrices of contestants x workloads x load levels x trials, built in
 * ({@code quick}, {@code seed-table}, {@code full}) or read from a user's YAML file.
 */
package dev.stackbench.runner.suite;
