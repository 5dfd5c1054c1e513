package dev.stackbench.cli;

import picocli.CommandLine;

/** Prints the Stackbench version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"stackbench " + (v == null ? "dev" : v)
                + " (Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ")"};
    }
}
