package dev.drydock.validator.parse;

import dev.drydock.shared.sql.Dialect;

import java.util.Set;

/**
 * The words a statement may start with in each dialect, and the object types PostgreSQL and SQLite accept
 * after CREATE, ALTER and DROP. MySQL's CREATE takes too many clauses before the type to judge it this way.
 */
final class StatementWords {

    private static final Set<String> POSTGRESQL = Set.of("ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL",
            "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE",
            "DELETE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT", "IMPORT", "INSERT",
            "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX",
            "RELEASE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START",
            "TABLE", "TRUNCATE", "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH");
    private static final Set<String> MYSQL = Set.of("ALTER", "ANALYZE", "BACKUP", "BEGIN", "BINLOG", "CACHE",
            "CALL", "CHANGE", "CHECK", "CHECKSUM", "CLONE", "COMMIT", "CREATE", "DEALLOCATE", "DECLARE", "DELETE",
            "DESC", "DESCRIBE", "DO", "DROP", "EXECUTE", "EXPLAIN", "FLUSH", "GET", "GRANT", "HANDLER", "HELP",
            "IMPORT", "INSERT", "INSTALL", "KILL", "LOAD", "LOCK", "OPTIMIZE", "PREPARE", "PURGE", "RELEASE",
            "RENAME", "REPAIR", "REPLACE", "RESET", "RESIGNAL", "RESTART", "REVOKE", "ROLLBACK", "SAVEPOINT",
            "SELECT", "SET", "SHOW", "SHUTDOWN", "SIGNAL", "START", "STOP", "TABLE", "TRUNCATE", "UNINSTALL",
            "UNLOCK", "UPDATE", "USE", "VALUES", "WITH", "XA");
    private static final Set<String> SQLITE = Set.of("ALTER", "ANALYZE", "ATTACH", "BEGIN", "COMMIT", "CREATE",
            "DELETE", "DETACH", "DROP", "END", "EXPLAIN", "INSERT", "PRAGMA", "REINDEX", "RELEASE", "REPLACE",
            "ROLLBACK", "SAVEPOINT", "SELECT", "UPDATE", "VACUUM", "VALUES", "WITH");

    private static final Set<String> POSTGRESQL_TYPES = Set.of("ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION",
            "CONVERSION", "DATABASE", "DEFAULT PRIVILEGES", "DOMAIN", "EVENT TRIGGER", "EXTENSION", "FOREIGN DATA",
            "FOREIGN TABLE", "FUNCTION", "GROUP", "INDEX", "LANGUAGE", "LARGE OBJECT", "MATERIALIZED VIEW",
            "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "OWNED", "POLICY", "PROCEDURE", "PUBLICATION", "ROLE",
            "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION", "SYSTEM", "TABLE",
            "TABLESPACE", "TEXT SEARCH", "TRANSFORM", "TRIGGER", "TYPE", "USER", "USER MAPPING", "VIEW");
    private static final Set<String> SQLITE_TYPES = Set.of("TABLE", "INDEX", "VIEW", "TRIGGER");

    private StatementWords() {
    }

    /** Whether {@code kind} (a {@link StatementShape#kind()}) can start a statement of {@code dialect}. */
    static boolean isKnown(Dialect dialect, String kind) {
        int space = kind.indexOf(' ');
        String first = space < 0 ? kind : kind.substring(0, space);
        boolean known = switch (dialect) {
            case POSTGRESQL -> POSTGRESQL.contains(first);
            case MYSQL, MARIADB -> MYSQL.contains(first);
            case SQLITE, D1 -> SQLITE.contains(first);
        };
        if (!known || space < 0 || !(first.equals("CREATE") || first.equals("ALTER") || first.equals("DROP"))) {
            return known;
        }
        String type = kind.substring(space + 1);
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL_TYPES.contains(type);
            case SQLITE, D1 -> SQLITE_TYPES.contains(type);
            case MYSQL, MARIADB -> true;
        };
    }
}
