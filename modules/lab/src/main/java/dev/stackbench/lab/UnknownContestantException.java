package dev.stackbench.lab;

import java.nio.file.Path;
import java.util.List;

/** A contestant id that has no {@code <id>/contestant.yaml} in the contestants directory. */
public final class UnknownContestantException extends LabException {
    private static final long serialVersionUID = 1L;

    public UnknownContestantException(String id, Path contestantsDir, List<String> known) {
        super("unknown contestant '" + id + "': no " + contestantsDir.resolve(id).resolve("contestant.yaml")
                + (known.isEmpty() ? "; the directory has no contestants (--contestants-dir?)"
                        : "; known: " + String.join(", ", known)), null);
    }

    @Override
    public Kind kind() {
        return Kind.INPUT;
    }
}
