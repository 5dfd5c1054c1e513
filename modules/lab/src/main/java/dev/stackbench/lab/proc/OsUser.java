package dev.stackbench.lab.proc;

import dev.stackbench.lab.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The user a server that refuses root (PostgreSQL) runs as: ourselves when we are not root;
 * when we are, the system user {@link #SYSTEM_USER}, created with {@code useradd} if missing.
 *
 * @param name      the user name
 * @param runPrefix argv prefix that runs a command as that user (empty when it is us), e.g.
 *                  {@code [setpriv, --reuid=stackbench, --regid=stackbench, --clear-groups, --]}
 */
public record OsUser(String name, List<String> runPrefix) {
    /** The unprivileged system user created when Stackbench runs as root. */
    public static final String SYSTEM_USER = "stackbench";

    public OsUser {
        runPrefix = List.copyOf(runPrefix);
    }

    /** @return true when this JVM runs with user id 0 */
    public static boolean currentIsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]);
                }
            }
        } catch (IOException e) {
            // fall through to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * @return ourselves when not root; else {@link #SYSTEM_USER}, created if missing
     * @throws EnvironmentException when the user cannot be created
     */
    public static OsUser unprivileged(CommandRunner runner) {
        if (!currentIsRoot()) {
            return new OsUser(System.getProperty("user.name"), List.of());
        }
        Path root = Path.of("/");
        if (!runner.run(List.of("id", "-u", SYSTEM_USER), root, Duration.ofSeconds(10)).ok()) {
            CommandResult add = runner.run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", "--user-group", SYSTEM_USER), root, Duration.ofSeconds(30));
            if (!add.ok()) {
                throw new EnvironmentException("cannot create the system user '" + SYSTEM_USER + "' that runs PostgreSQL"
                        + " (it refuses root): useradd " + add.failure() + ": " + add.firstLine());
            }
        }
        return new OsUser(SYSTEM_USER, List.of("setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER,
                "--clear-groups", "--"));
    }

    /** Makes {@code path} (not recursively) owned by this user and its group, when that is not us. */
    public void own(Path path) throws IOException {
        if (runPrefix.isEmpty()) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(name));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(name);
        view.setGroup(group);
    }

    /** @return {@code argv} run as this user */
    public List<String> command(List<String> argv) {
        return java.util.stream.Stream.concat(runPrefix.stream(), argv.stream()).toList();
    }

    /** @return the environment a command run as this user should see (HOME must be its own) */
    public Map<String, String> env() {
        return runPrefix.isEmpty() ? Map.of() : Map.of("HOME", "/tmp", "USER", name, "LOGNAME", name);
    }
}
