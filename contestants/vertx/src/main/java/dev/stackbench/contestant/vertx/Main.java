package dev.stackbench.contestant.vertx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;

/**
 * Starts one Vert.x instance (default options: 2 x cores event loops) and deploys {@code WORKERS}
 * instances of {@link ApiVerticle}; Vert.x places each instance on its own event loop and
 * round-robins the shared listening socket between them.
 *
 * <p>{@code --version} prints the Vert.x version and exits without starting anything.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(vertxVersion());
            return;
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("stackbench-vertx: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new ApiVerticle(config), new DeploymentOptions().setInstances(config.workers()))
                .onSuccess(id -> System.out.println("stackbench-vertx: Vert.x " + versionOrUnknown()
                        + " listening on 127.0.0.1:" + config.port() + " with " + config.workers()
                        + " verticle instance(s), DB pool " + config.dbPool()))
                .onFailure(e -> {
                    System.err.println("stackbench-vertx: start failed: " + e);
                    System.exit(1);
                });
    }

    /** The version vertx-core records in its jar (the same file its own {@code vertx version} reads). */
    static String vertxVersion() throws IOException {
        try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
            if (in == null) {
                throw new IOException("META-INF/vertx/vertx-version.txt not found on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static String versionOrUnknown() {
        try {
            return vertxVersion();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
