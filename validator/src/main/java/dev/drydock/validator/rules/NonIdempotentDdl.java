package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code non-idempotent-ddl}: CREATE without IF NOT EXISTS, DROP without IF EXISTS, where the dialect has them;
 * CREATE VIEW without OR REPLACE where that is the only way (PostgreSQL, MySQL).
 */
final class NonIdempotentDdl implements StatementRules {

    static final Rule RULE = Rule.of("non-idempotent-ddl", Severity.INFO, "safety",
            "CREATE without IF NOT EXISTS or DROP without IF EXISTS",
            "Re-running the migration after a partial failure stops at the statement that already ran. Where the"
                    + " database allows it, write IF NOT EXISTS / IF EXISTS; PostgreSQL and MySQL have no CREATE VIEW"
                    + " IF NOT EXISTS, so write CREATE OR REPLACE VIEW there.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE sessions (id int);", "DROP TABLE IF EXISTS sessions;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean create = kind.equals("CREATE TABLE") || kind.equals("CREATE INDEX") || kind.equals("CREATE UNIQUE INDEX")
                || kind.equals("CREATE SEQUENCE") || kind.equals("CREATE SCHEMA") || kind.equals("CREATE EXTENSION")
                || kind.equals("CREATE VIEW") && !site.containsWord("REPLACE");
        boolean drop = kind.equals("DROP TABLE") || kind.equals("DROP INDEX") || kind.equals("DROP VIEW")
                || kind.equals("DROP SEQUENCE") || kind.equals("DROP TYPE") || kind.equals("DROP FUNCTION")
                || kind.equals("DROP TRIGGER");
        if (!create && !drop || site.containsWord("IF")) {
            return;
        }
        if (kind.equals("CREATE VIEW") && (site.dialect() == Dialect.POSTGRESQL || site.dialect() == Dialect.MYSQL)) {
            // neither has CREATE VIEW IF NOT EXISTS; both replace a view in place
            site.report(sink, RULE, site.first(), null,
                    "CREATE VIEW stops a re-run after a partial failure; write CREATE OR REPLACE VIEW");
            return;
        }
        boolean supported = switch (site.dialect()) {
            case MYSQL -> kind.equals("CREATE TABLE") || kind.equals("DROP TABLE") || kind.equals("DROP VIEW")
                    || kind.equals("DROP FUNCTION") || kind.equals("DROP TRIGGER");
            case SQLITE, D1 -> kind.endsWith("TABLE") || kind.endsWith("INDEX") || kind.endsWith("VIEW")
                    || kind.endsWith("TRIGGER");
            default -> true;
        };
        if (supported) {
            site.report(sink, RULE, site.first(), null, kind + " without "
                    + (create ? "IF NOT EXISTS" : "IF EXISTS") + " stops a re-run after a partial failure; add it");
        }
    }
}
