package dev.stackbench.runner.diff;

/**
 * A backend that does not answer at all before anything is compared: the message is one line with
 * the URL, what happened and what to do.
 */
public final class UnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message) {
        super(message);
    }
}
