/**
 * Contestants as processes: installing them ({@link dev.stackbench.lab.contestant.Setup}),
 * telling whether they are installed ({@link dev.stackbench.lab.contestant.Installation}), and
 * starting them pinned, on a free port, with their environment, until their ready path answers
 * ({@link dev.stackbench.lab.contestant.ContestantLauncher}).
 */
package dev.stackbench.lab.contestant;
