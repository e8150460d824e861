package dev.drydock.shared.config;

import java.nio.file.Path;

/**
 * A credential from the config, kept as the reference the file wrote ({@code ${PGPASSWORD}},
 * {@code ${file:/run/secrets/pg}} or, discouraged, a literal) and resolved only when it is used.
 * {@link #toString()} never shows the value, so a secret can't leak through a log line or a report.
 */
public record Secret(String reference, String key, Path configFile) {

    /** Resolves the reference now; a missing variable or file is a {@link ConfigException} naming the key. */
    public String reveal() {
        return References.resolve(reference, key, configFile);
    }

    @Override
    public String toString() {
        return "****";
    }
}
