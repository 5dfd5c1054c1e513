package dev.stackbench.runner.diff;

import java.net.URI;

/**
 * One backend of a diff.
 *
 * @param role how messages name it: {@code --old}, {@code --new} or {@code --old2}
 * @param base its base URL, e.g. {@code http://127.0.0.1:3000}; request targets are appended to its path
 */
public record Backend(String role, URI base) {
    public Backend {
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException(role + " '" + base + "' is not an http:// or https:// URL with a host"
                    + " (or a contestant id); e.g. http://127.0.0.1:3000");
        }
    }

    /** @return the URL of {@code target} (path and query) on this backend */
    public URI resolve(String target) {
        String prefix = base.toString().replaceAll("/+$", "");
        return URI.create(prefix + target);
    }

    @Override
    public String toString() {
        return role + " " + base;
    }
}
