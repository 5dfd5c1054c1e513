package dev.stackbench.lab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.LabException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where initdb and postgres are, and the package to install when they are nowhere (a fake PATH, no root needed). */
class PostgresBinariesTest {
    @TempDir
    Path tmp;

    private Path program(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    }

    private void executable(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void missingProgramsNameThePackageToInstall() throws Exception {
        Path debian = Files.createDirectories(tmp.resolve("usr-lib-postgresql"));
        Path onlyInitdb = tmp.resolve("bin");
        executable(program(onlyInitdb, "initdb"));
        executable(program(debian.resolve("15/bin"), "initdb"));
        assertThatThrownBy(() -> PostgresBinaries.find(debian, onlyInitdb + File.pathSeparator + tmp.resolve("nothing")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("PostgreSQL server programs (initdb, postgres) not found in " + debian + "/*/bin or on PATH; install them as root"
                        + " with: apt-get install -y postgresql (or pass --db-url postgresql://USER:PASSWORD@HOST:PORT/NAME of a running server)")
                .satisfies(e -> assertThat(((LabException) e).kind()).isEqualTo(LabException.Kind.ENVIRONMENT));
    }

    @Test
    void theNewestDebianVersionWinsThenPath() throws Exception {
        Path debian = tmp.resolve("usr-lib-postgresql");
        for (String v : new String[] {"13", "15"}) {
            executable(program(debian.resolve(v + "/bin"), "initdb"));
            executable(program(debian.resolve(v + "/bin"), "postgres"));
        }
        assertThat(PostgresBinaries.find(debian, "").bin()).isEqualTo(debian.resolve("15/bin"));
        Path onPath = tmp.resolve("path-bin");
        executable(program(onPath, "initdb"));
        executable(program(onPath, "postgres"));
        assertThat(PostgresBinaries.find(tmp.resolve("none"), onPath.toString()).program("initdb")).isEqualTo(onPath.resolve("initdb").toString());
    }
}
