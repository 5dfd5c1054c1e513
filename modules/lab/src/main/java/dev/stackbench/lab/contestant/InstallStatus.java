package dev.stackbench.lab.contestant;

/** Whether a contestant can be started on this machine. */
public sealed interface InstallStatus permits InstallStatus.Installed, InstallStatus.NotInstalled {

    /** Its required commands exist and every {@code check} command exits 0. */
    record Installed() implements InstallStatus {
    }

    /**
     * It cannot be started yet.
     *
     * @param reason one line: what is missing or failed, and how to fix it
     */
    record NotInstalled(String reason) implements InstallStatus {
    }

    /** @return true when installed */
    default boolean installed() {
        return this instanceof Installed;
    }
}
