package dev.stackbench.lab.contestant;

import dev.stackbench.lab.manifest.Manifest;

/**
 * A contestant as found on this machine.
 *
 * @param manifest         its manifest
 * @param runtimeVersion   first line printed by the runtime's version command, or {@code ?}
 * @param frameworkVersion first line printed by the framework's version command, or {@code ?}
 * @param status           installed or not, with the reason
 */
public record ContestantInfo(Manifest manifest, String runtimeVersion, String frameworkVersion, InstallStatus status) {
    /** Shown when a version command fails. */
    public static final String UNKNOWN_VERSION = "?";
}
