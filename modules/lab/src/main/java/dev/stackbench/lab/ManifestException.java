package dev.stackbench.lab;

import java.nio.file.Path;

/**
 * A {@code contestant.yaml} that cannot be used. The message names the file, the field, the
 * value found and what was expected, e.g.
 * {@code contestants/express/contestant.yaml: workers.perCpu is "two"; expected a whole number >= 0}.
 */
public final class ManifestException extends LabException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ManifestException(Path file, String problem) {
        this(file, problem, null);
    }

    public ManifestException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the manifest file that is wrong */
    public Path file() {
        return file;
    }

    @Override
    public Kind kind() {
        return Kind.INPUT;
    }
}
