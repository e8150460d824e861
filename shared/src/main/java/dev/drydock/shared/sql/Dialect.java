package dev.drydock.shared.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases Drydock targets, with the lexical traits the statement splitter needs.
 * Cloudflare D1 is SQLite underneath but with its own restrictions, so it is a dialect of its own.
 */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    SQLITE("sqlite"),
    D1("d1");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The name used in config files, reports and {@code --dialect}. */
    public String id() {
        return id;
    }

    public static Optional<Dialect> fromId(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "postgresql", "postgres", "pg" -> Optional.of(POSTGRESQL);
            case "mysql" -> Optional.of(MYSQL);
            case "mariadb" -> Optional.of(MARIADB);
            case "sqlite", "sqlite3" -> Optional.of(SQLITE);
            case "d1", "cloudflare-d1" -> Optional.of(D1);
            default -> Optional.empty();
        };
    }

    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    boolean isSqliteFamily() {
        return this == SQLITE || this == D1;
    }

    /** MySQL reads {@code \'} inside strings as an escape (unless NO_BACKSLASH_ESCAPES). */
    boolean backslashEscapesInStrings() {
        return isMySqlFamily();
    }

    /** Only PostgreSQL lets block comments nest. */
    boolean nestedBlockComments() {
        return this == POSTGRESQL;
    }

    boolean dollarQuoting() {
        return this == POSTGRESQL;
    }

    boolean hashComments() {
        return isMySqlFamily();
    }

    boolean bracketIdentifiers() {
        return isSqliteFamily();
    }

    boolean backtickIdentifiers() {
        return isMySqlFamily() || isSqliteFamily();
    }

    /** The mysql client's {@code DELIMITER} command, which Flyway honours too. */
    boolean delimiterCommand() {
        return isMySqlFamily();
    }

    /** Trigger and routine bodies written as {@code BEGIN ... END} with inner semicolons. */
    boolean compoundStatementBodies() {
        return isMySqlFamily() || isSqliteFamily();
    }
}
