package dev.stackbench.lab.db;

import dev.stackbench.lab.EnvironmentException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's server programs are: the newest {@code /usr/lib/postgresql/<version>/bin}
 * (Debian's layout), else the directory on PATH holding {@code initdb} and {@code postgres}.
 *
 * @param bin the directory holding {@code initdb} and {@code postgres}
 */
public record PostgresBinaries(Path bin) {
    /** The Debian package to install when none are found. */
    public static final String DEBIAN_PACKAGE = "postgresql";

    /**
     * @throws EnvironmentException naming the apt package when none are found
     */
    public static PostgresBinaries find() {
        return find(Path.of("/usr/lib/postgresql"), System.getenv().getOrDefault("PATH", ""));
    }

    static PostgresBinaries find(Path debianRoot, String path) {
        Optional<Path> debian = Optional.empty();
        if (Files.isDirectory(debianRoot)) {
            try (Stream<Path> versions = Files.list(debianRoot)) {
                debian = versions.map(v -> v.resolve("bin")).filter(PostgresBinaries::complete)
                        .max(Comparator.comparingInt(PostgresBinaries::majorVersion));
            } catch (IOException e) {
                debian = Optional.empty();
            }
        }
        return debian.or(() -> Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty())
                        .map(Path::of).filter(PostgresBinaries::complete).findFirst())
                .map(PostgresBinaries::new)
                .orElseThrow(() -> new EnvironmentException("PostgreSQL server programs (initdb, postgres) not found in "
                        + debianRoot + "/*/bin or on PATH; install them as root with: apt-get install -y " + DEBIAN_PACKAGE
                        + " (or pass --db-url postgresql://USER:PASSWORD@HOST:PORT/NAME of a running server)"));
    }

    private static boolean complete(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return the absolute path of one program, e.g. {@code initdb} */
    public String program(String name) {
        return bin.resolve(name).toString();
    }
}
