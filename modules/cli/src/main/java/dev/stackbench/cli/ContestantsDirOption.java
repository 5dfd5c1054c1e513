package dev.stackbench.cli;

import dev.stackbench.lab.manifest.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --contestants-dir}, shared by the lab commands. */
final class ContestantsDirOption {
    @Option(names = "--contestants-dir", paramLabel = "DIR",
            description = "Directory of <id>/contestant.yaml (default: the project's contestants/, or ./contestants).")
    Path dir;

    /** @return the option's value, else the default of {@link LabDefaults#contestantsDir(String)} */
    Path resolve() {
        return dir != null ? dir : LabDefaults.contestantsDir(System.getProperty(LabDefaults.HOME_PROPERTY));
    }

    /** @return the catalog of that directory */
    Catalog load() {
        return Catalog.load(resolve());
    }
}
