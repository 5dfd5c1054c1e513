package dev.stackbench.lab.manifest;

import java.util.List;

/**
 * What must exist before a contestant can be installed and started.
 *
 * @param commands commands looked up on PATH (or absolute paths), e.g. {@code [node, npm]}
 * @param debian   Debian packages that provide them, installed by {@code stackbench setup} as root
 */
public record Requirements(List<String> commands, List<String> debian) {
    public Requirements {
        commands = List.copyOf(commands);
        debian = List.copyOf(debian);
    }

    /** @return no requirements */
    public static Requirements none() {
        return new Requirements(List.of(), List.of());
    }
}
