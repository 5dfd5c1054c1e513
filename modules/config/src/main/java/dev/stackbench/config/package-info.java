/**
 * What every box reads and prints the same way: the strict YAML reader of manifests, suite files,
 * profiles and scenarios, and the one dialect of durations, sizes and rates.
 */
package dev.stackbench.config;
