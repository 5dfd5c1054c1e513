/**
 * Contestants as processes: installing them ({@link dev.stackbench.lab.contestant.Setup}),
 * telling whether they are installed ({@link dev.stackbench.lab.contestant.Installation}), and
 * starting them pinned, on a free port, with their environment, until their ready path answers
 * ({@link dev.stackbench.lab.contestant.ContestantLauncher}); watching a trial's contestant and
 * database for what they use and for faults ({@link dev.stackbench.lab.contestant.TrialWatch}).
 */
package dev.stackbench.lab.contestant;
