package dev.stackbench.analysis.advise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented profile that {@code stackbench advise --init FILE} writes; {@link ProfileReader} reads it. */
public final class ProfileTemplate {
    private static final String RESOURCE = "profile-template.yaml";

    private ProfileTemplate() {
    }

    /** @return the template's text, {@code \n} line ends */
    public static String text() {
        try (InputStream in = ProfileTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + ProfileTemplate.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
