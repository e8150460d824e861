package dev.drydock.shared.config;

import dev.drydock.shared.sql.DialectTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code migrations:} section. {@code layout} is a name from DESIGN.md's table or {@code auto};
 * {@code forward} and {@code rollback} are set only for the custom layout.
 *
 * @param history {@code native} (the layout's own runner's history table) or {@code flyway}
 */
public record MigrationsConfig(Path dir, String layout, Pattern forward, Pattern rollback,
                               List<DialectTarget> dialects, boolean transactional, String history) {

    public static final String NATIVE_HISTORY = "native";
    public static final String FLYWAY_HISTORY = "flyway";

    public MigrationsConfig {
        dialects = List.copyOf(dialects);
    }

    /** Whether the migrator keeps its history in Flyway's table whatever the layout. */
    public boolean flywayHistory() {
        return FLYWAY_HISTORY.equals(history);
    }
}
