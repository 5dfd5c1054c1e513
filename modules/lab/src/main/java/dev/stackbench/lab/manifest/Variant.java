package dev.stackbench.lab.manifest;

import java.util.Locale;

/** Whether a contestant follows its framework's documented production setup or goes beyond it. */
public enum Variant {
    /** The framework's ordinary API and its documented production deployment. */
    REALISTIC,
    /** Anything tuned beyond the docs; labelled as such in every report. */
    TUNED;

    /** @return the name used in manifests, e.g. {@code realistic} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
