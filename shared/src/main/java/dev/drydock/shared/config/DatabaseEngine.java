package dev.drydock.shared.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The database server behind a JDBC URL, as the backup daemon and the migrator tell them apart. */
public enum DatabaseEngine {
    SQLITE("jdbc:sqlite:"),
    POSTGRESQL("jdbc:postgresql:"),
    /** MariaDB or MySQL, under either URL scheme. */
    MARIADB("jdbc:mariadb:", "jdbc:mysql:");

    private final List<String> prefixes;

    DatabaseEngine(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** The engine of a JDBC URL; empty for anything else (a D1 database, a typo). */
    public static Optional<DatabaseEngine> of(String jdbcUrl) {
        return Arrays.stream(values()).filter(engine -> engine.matches(jdbcUrl)).findFirst();
    }

    /** Whether {@code jdbcUrl} points at this engine. */
    public boolean matches(String jdbcUrl) {
        return prefixes.stream().anyMatch(jdbcUrl::startsWith);
    }

    /** Every URL prefix Drydock connects with, for messages that list them. */
    public static List<String> urlPrefixes() {
        return Arrays.stream(values()).flatMap(engine -> engine.prefixes.stream()).toList();
    }

    /** Whether a migration's DDL is undone with its transaction; MariaDB and MySQL commit each DDL statement. */
    public boolean transactionalDdl() {
        return this != MARIADB;
    }
}
