package dev.drydock.shared.config;

import dev.drydock.shared.sql.DialectTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code migrations:} section. {@code layout} is a name from DESIGN.md's table or {@code auto};
 * {@code forward} and {@code rollback} are set only for the custom layout.
 */
public record MigrationsConfig(Path dir, String layout, Pattern forward, Pattern rollback,
                               List<DialectTarget> dialects, boolean transactional) {

    public MigrationsConfig {
        dialects = List.copyOf(dialects);
    }
}
