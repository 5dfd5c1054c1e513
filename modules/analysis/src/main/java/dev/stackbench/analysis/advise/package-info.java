/**
 * The advisor: from the user's project profile and one or more analysed runs to a ranked
 * recommendation with capacity, cores, memory and cost, every step shown.
 *
 * <ul>
 *   <li>{@link dev.stackbench.analysis.advise.Profile}: what the user's project needs, read
 *       strictly from YAML by {@link dev.stackbench.analysis.advise.ProfileReader};</li>
 *   <li>{@link dev.stackbench.analysis.advise.RulesOfThumb}: the articles' rules of thumb as named,
 *       cited default weights the profile may change;</li>
 *   <li>{@link dev.stackbench.analysis.advise.CapacityRule}: capacity per core at the p99 target
 *       from open-model cells (or a labelled closed-model estimate);</li>
 *   <li>{@link dev.stackbench.analysis.advise.Advisor}: the whole answer,
 *       {@link dev.stackbench.analysis.advise.Advice};</li>
 *   <li>{@link dev.stackbench.analysis.advise.ProfileMeasurements}: what a run must measure for a
 *       profile ({@code stackbench run --profile}: its mix as one request mix on a rate ladder).</li>
 * </ul>
 * Pure functions over records; nothing here reads the clock or prints.
 */
package dev.stackbench.analysis.advise;
