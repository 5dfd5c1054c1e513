package dev.stackbench.lab.manifest;

import java.util.List;

/**
 * A runtime or framework of a contestant and how to ask it for its version.
 *
 * @param name           display name, e.g. {@code Node.js}
 * @param versionCommand argv printing the version on its first line, run in the contestant
 *                       directory, e.g. {@code [node, --version]}; never empty
 */
public record Component(String name, List<String> versionCommand) {
    public Component {
        versionCommand = List.copyOf(versionCommand);
    }
}
