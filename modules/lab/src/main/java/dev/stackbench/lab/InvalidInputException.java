package dev.stackbench.lab;

/**
 * A value the user gave that cannot be used: a CPU set, a database URL, a directory. The message
 * names the option, the value and what was expected, e.g.
 * {@code --server-cpus "1-x": expected CPU numbers and ranges such as 1 or 0-3,6}.
 */
public final class InvalidInputException extends LabException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, null);
    }

    @Override
    public Kind kind() {
        return Kind.INPUT;
    }
}
