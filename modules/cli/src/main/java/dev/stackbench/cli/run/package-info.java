/**
 * {@code stackbench run}: runs a suite across the contestants (start fresh, verify, warm up,
 * measure, stop, one contestant at a time) and writes the results directory the reports are
 * rendered from.
 */
package dev.stackbench.cli.run;
