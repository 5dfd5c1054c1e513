package dev.stackbench.cli;

import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a long command: interrupts the command's thread and gives it a
 * few seconds to write what it has before the JVM goes down. The lab's own shutdown hooks stop
 * the processes it started.
 */
final class Interruption {
    private static final long GRACE_MILLIS = TimeUnit.SECONDS.toMillis(10);
    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /** Installs the hook for the calling thread. */
    static Interruption install() {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                worker.join(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stackbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook);
    }

    /** Removes the hook once the work is done. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
