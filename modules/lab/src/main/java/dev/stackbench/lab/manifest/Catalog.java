package dev.stackbench.lab.manifest;

import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.ManifestException;
import dev.stackbench.lab.UnknownContestantException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contestants of one directory: every {@code <dir>/<id>/contestant.yaml}, each either valid or
 * invalid with its error, so that one broken manifest never hides the others. Immutable.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.load(Path.of("contestants"));
 * Manifest express = catalog.manifest("express");   // throws if unknown or invalid
 * }</pre>
 */
public final class Catalog {

    /** One contestant directory: valid or not. */
    public sealed interface Entry permits Valid, Invalid {
        /** @return the directory name */
        String id();
    }

    /** A directory with a usable manifest. */
    public record Valid(Manifest manifest) implements Entry {
        @Override
        public String id() {
            return manifest.id();
        }
    }

    /** A directory whose manifest cannot be used, with the reason (file, field, value, expected). */
    public record Invalid(String id, ManifestException error) implements Entry {
    }

    private final Path dir;
    private final List<Entry> entries;

    private Catalog(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads every manifest under {@code dir}. Directories without a {@code contestant.yaml} are
     * skipped; so are hidden ones.
     *
     * @throws InvalidInputException when {@code dir} is not a readable directory
     */
    public static Catalog load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new InvalidInputException("contestants directory " + abs
                    + " does not exist; pass --contestants-dir DIR (a directory of <id>/contestant.yaml)");
        }
        ManifestReader reader = new ManifestReader();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(abs)) {
            for (Path child : children.sorted(Comparator.comparing(Path::toString)).toList()) {
                Path file = child.resolve(ManifestReader.FILE_NAME);
                if (child.getFileName().toString().startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    entries.add(new Valid(reader.read(file)));
                } catch (ManifestException e) {
                    entries.add(new Invalid(child.getFileName().toString(), e));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("contestants directory " + abs + " cannot be listed: " + e);
        }
        return new Catalog(abs, entries);
    }

    /** @return the directory the catalog was read from (absolute) */
    public Path dir() {
        return dir;
    }

    /** @return every contestant, valid or not, sorted by id */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the ids of every contestant, sorted */
    public List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }

    /**
     * @param ids contestant ids; empty means all
     * @return the entries for those ids, in the order given (all sorted by id when empty)
     * @throws UnknownContestantException for the first id that has no manifest
     */
    public List<Entry> select(List<String> ids) {
        if (ids.isEmpty()) {
            return entries;
        }
        List<Entry> out = new ArrayList<>();
        for (String id : ids) {
            out.add(entries.stream().filter(e -> e.id().equals(id)).findFirst()
                    .orElseThrow(() -> new UnknownContestantException(id, dir, ids())));
        }
        return out;
    }

    /**
     * @return the valid manifest of {@code id}
     * @throws UnknownContestantException when there is no such contestant
     * @throws ManifestException when its manifest is invalid
     */
    public Manifest manifest(String id) {
        Entry entry = select(List.of(id)).get(0);
        if (entry instanceof Invalid invalid) {
            throw invalid.error();
        }
        return ((Valid) entry).manifest();
    }
}
