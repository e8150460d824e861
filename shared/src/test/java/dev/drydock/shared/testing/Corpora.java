package dev.drydock.shared.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real migration sets in {@code ../shared/corpora}, beside the checkout. */
public final class Corpora {

    private Corpora() {
    }

    public static Path root() {
        String configured = System.getProperty("drydock.corpora");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpora");
        Path normalized = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized)) {
            throw new IllegalStateException("the corpora are not at " + normalized
                    + "; CI clones the project with shared/ beside it");
        }
        return normalized;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
