package dev.stackbench.lab;

/**
 * The machine lacks something the lab needs: a command, a Debian package, a permission, a
 * reachable database. The message says which and how to get it, e.g.
 * {@code PostgreSQL server binaries not found in /usr/lib/postgresql/*}{@code /bin or on PATH;
 * install them with: apt-get install -y postgresql}.
 */
public final class EnvironmentException extends LabException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message, null);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }
}
