/**
 * What every box reads and prints the same way. {@link dev.stackbench.config.YamlDocument} is the
 * one strict YAML reader (manifests, suite files, later profiles and scenarios): typed accessors
 * on {@link dev.stackbench.config.YamlMap} and {@link dev.stackbench.config.YamlValue} that
 * reject unknown keys, wrong types and out-of-range values with one line each
 * ({@link dev.stackbench.config.ConfigException}). {@link dev.stackbench.config.DurationFormat},
 * {@link dev.stackbench.config.SizeFormat} and {@link dev.stackbench.config.RateFormat} parse and
 * print the one dialect of durations, sizes and rates; {@link dev.stackbench.config.TextTable}
 * lays out terminal tables.
 */
package dev.stackbench.config;
