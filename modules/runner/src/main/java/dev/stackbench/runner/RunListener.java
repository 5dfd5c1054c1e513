package dev.stackbench.runner;

import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.results.Trial;

/**
 * What a run tells the person watching it, as it goes. The runner calls these from its own thread,
 * in order; the load generator's callbacks ({@link ProgressListener}) arrive from its sampler thread
 * during a trial. Implementations render (the command line's progress line); the runner renders nothing.
 */
public interface RunListener extends ProgressListener {
    /** A step that is not a trial: starting, verifying, stopping a contestant; one line for people. */
    void step(String message);

    /** A trial begins (warm-up first). {@code trial} is 1-based, of {@code trials} in its cell. */
    void trialStarted(String contestant, String workload, String level, int trial, int trials);

    /** @param counted whether the trial is one of the planned ones (rate-curve steps are not) */
    void trialFinished(Trial trial, boolean counted);

    /** A listener that shows nothing (tests, scripts). */
    RunListener SILENT = new RunListener() {
        @Override
        public void step(String message) {
        }

        @Override
        public void trialStarted(String contestant, String workload, String level, int trial, int trials) {
        }

        @Override
        public void trialFinished(Trial trial, boolean counted) {
        }
    };
}
