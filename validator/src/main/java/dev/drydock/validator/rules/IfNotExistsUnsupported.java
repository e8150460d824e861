package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/** {@code if-not-exists-unsupported}: IF [NOT] EXISTS where a target database has no such clause. */
final class IfNotExistsUnsupported implements StatementRules {

    static final Rule RULE = Rule.of("if-not-exists-unsupported", Severity.ERROR,
            "dialect", "IF [NOT] EXISTS where the target database has none",
            "MySQL 8 has no IF NOT EXISTS for ADD COLUMN, CREATE INDEX or ADD CONSTRAINT and no IF EXISTS for DROP"
                    + " INDEX or DROP COLUMN; SQLite has none for ADD or DROP COLUMN; PostgreSQL none for ADD"
                    + " CONSTRAINT, CREATE TYPE or CREATE TRIGGER. The statement fails. Drop the clause and rely on"
                    + " the migration history, or guard the change with a query of the catalog.")
            .example(Dialect.MYSQL, "CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);",
                    "DROP INDEX users_email_idx ON users;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        for (DialectTarget target : site.targets()) {
            check(site, target, sink);
        }
    }

    /** IF [NOT] EXISTS where the target has no such clause. */
    private static void check(StatementSite site, DialectTarget target, FindingSink sink) {
        int at = site.indexOfWord("IF");
        if (at < 0 || !(site.wordAt(at + 1, "EXISTS") || site.wordAt(at + 1, "NOT") && site.wordAt(at + 2, "EXISTS"))) {
            return;
        }
        String clause = site.wordAt(at + 1, "NOT") ? "IF NOT EXISTS" : "IF EXISTS";
        String where = placeOfIf(site, at);
        if (where == null) {
            return;
        }
        boolean supported = switch (target.dialect()) {
            case MARIADB -> true;
            case MYSQL -> where.equals("CREATE TABLE") || where.equals("DROP TABLE") || where.equals("DROP VIEW")
                    || where.equals("CREATE TRIGGER") || where.equals("DROP TRIGGER") || where.equals("CREATE DATABASE")
                    || where.equals("DROP DATABASE") || where.equals("CREATE FUNCTION") || where.equals("DROP FUNCTION")
                    || where.equals("CREATE PROCEDURE") || where.equals("DROP PROCEDURE") || where.equals("CREATE SCHEMA")
                    || where.equals("DROP SCHEMA") || where.equals("CREATE USER") || where.equals("DROP USER")
                    || where.equals("CREATE ROLE") || where.equals("DROP ROLE") || where.equals("CREATE EVENT")
                    || where.equals("DROP EVENT");
            case SQLITE, D1 -> !where.equals("ADD COLUMN") && !where.equals("DROP COLUMN")
                    && !where.equals("ADD CONSTRAINT");
            case POSTGRESQL -> !where.equals("ADD CONSTRAINT") && !where.equals("CREATE TYPE")
                    && !where.equals("CREATE TRIGGER") && !where.equals("CREATE POLICY")
                    && !where.equals("CREATE DOMAIN") && !where.equals("CREATE FUNCTION")
                    && !where.equals("CREATE PROCEDURE");
        };
        if (!supported) {
            site.report(sink, RULE, site.tokens().get(at), target, where + " "
                    + clause + " is not supported on " + DialectUnsupported.describe(target) + "; remove " + clause
                    + " and let the migration history guarantee it runs once");
        }
    }

    /** The statement form the IF belongs to: {@code CREATE INDEX}, {@code ADD COLUMN}, {@code DROP COLUMN}. */
    private static String placeOfIf(StatementSite site, int at) {
        List<SqlToken> tokens = site.tokens();
        if (site.kind().equals("ALTER TABLE")) {
            if (at < 4) {
                return null; // ALTER TABLE IF EXISTS t
            }
            SqlToken before = tokens.get(at - 1);
            SqlToken twoBefore = tokens.get(at - 2);
            if (before.isWord("COLUMN")) {
                return twoBefore.isWord("ADD") ? "ADD COLUMN" : "DROP COLUMN";
            }
            if (before.isWord("ADD")) {
                return "ADD COLUMN";
            }
            if (before.isWord("DROP")) {
                return "DROP COLUMN";
            }
            if (before.isWord("CONSTRAINT")) {
                return twoBefore.isWord("ADD") ? "ADD CONSTRAINT" : "DROP CONSTRAINT";
            }
            if (before.isWord("INDEX") || before.isWord("KEY")) {
                return twoBefore.isWord("ADD") ? "ADD INDEX" : "DROP INDEX";
            }
            return null;
        }
        String kind = site.kind().replace("UNIQUE ", "");
        return kind.startsWith("CREATE") || kind.startsWith("DROP") ? kind : null;
    }
}
