/** Thresholds over a run's cells ({@code stackbench run --threshold}, {@code stackbench report --threshold}) for CI gates. */
package dev.stackbench.runner.gate;
