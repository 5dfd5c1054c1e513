package dev.stackbench.contestant.vertx;

import java.util.Map;

/**
 * What the lab passes in the environment (docs/contestants.md), parsed once and checked.
 *
 * @param port      TCP port on 127.0.0.1
 * @param workers   verticle instances to deploy, one per event loop (at least 1)
 * @param dbPool    maximum connections of the one pool shared by all instances
 */
record Config(int port, int workers, String dbHost, int dbPort, String dbName, String dbUser,
              String dbPassword, int dbPool) {

    static final int DEFAULT_DB_POOL = 10;

    /** @throws IllegalArgumentException naming the variable that is missing or not a positive integer */
    static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                positive(env, "PORT", null),
                positive(env, "WORKERS", 1),
                required(env, "DB_HOST"),
                positive(env, "DB_PORT", null),
                required(env, "DB_NAME"),
                required(env, "DB_USER"),
                env.getOrDefault("DB_PASSWORD", ""),
                positive(env, "DB_POOL", DEFAULT_DB_POOL));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is required");
        }
        return value;
    }

    private static int positive(Map<String, String> env, String name, Integer fallback) {
        String value = env.get(name);
        if ((value == null || value.isBlank()) && fallback != null) {
            return fallback;
        }
        String raw = required(env, name);
        try {
            int parsed = Integer.parseInt(raw.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(
                "environment variable " + name + " must be a positive integer, was '" + raw + "'");
    }
}
