package dev.stackbench.lab.db;

import dev.stackbench.lab.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the contestants' database is and how to log in.
 *
 * @param host     host name or address, e.g. {@code 127.0.0.1}
 * @param port     TCP port, 1..65535
 * @param name     database name
 * @param user     user name
 * @param password password ("" for none)
 */
public record Database(String host, int port, String name, String user, String password) {
    /** The pool size per process a contestant is told to use unless asked otherwise. */
    public static final int DEFAULT_POOL = 10;

    /**
     * @param url {@code postgresql://USER:PASSWORD@HOST:PORT/NAME} ({@code postgres://} too; port
     *            5432 when absent)
     * @throws InvalidInputException naming the value and the expected form
     */
    public static Database parseUrl(String url) {
        String expected = "; expected postgresql://USER:PASSWORD@HOST:PORT/NAME";
        try {
            URI uri = new URI(url);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new InvalidInputException("--db-url \"" + url + "\": the scheme is not postgresql" + expected);
            }
            String info = uri.getRawUserInfo();
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || info == null || path.isEmpty()) {
                throw new InvalidInputException("--db-url \"" + url + "\": a host, a user and a database name are needed" + expected);
            }
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon));
            String password = colon < 0 ? "" : decode(info.substring(colon + 1));
            return new Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--db-url \"" + url + "\": " + e.getReason() + expected);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @return {@code postgresql://USER:PASSWORD@HOST:PORT/NAME}, user and password URL-encoded */
    public String url() {
        return "postgresql://" + encode(user) + (password.isEmpty() ? "" : ":" + encode(password))
                + "@" + host + ":" + port + "/" + name;
    }

    /** @return the JDBC URL (user and password are passed separately) */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /**
     * @param poolPerProcess the suggested connection pool size per contestant process
     * @return DB_URL, DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD and DB_POOL, as in
     *         docs/contestants.md
     */
    public Map<String, String> env(int poolPerProcess) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", url());
        env.put("DB_HOST", host);
        env.put("DB_PORT", Integer.toString(port));
        env.put("DB_NAME", name);
        env.put("DB_USER", user);
        env.put("DB_PASSWORD", password);
        env.put("DB_POOL", Integer.toString(poolPerProcess));
        return env;
    }

    /** @return the URL without the password, for messages */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }
}
