package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

/**
 * {@code sqlite-alter-needs-rebuild}: an ALTER TABLE that SQLite (or D1) can only do by rebuilding the table.
 */
final class SqliteAlterNeedsRebuild implements StatementRules {

    static final Rule RULE = Rule.of("sqlite-alter-needs-rebuild", Severity.ERROR,
            "dialect", "an ALTER TABLE that SQLite can only do by rebuilding the table",
            "SQLite's ALTER TABLE can rename a table or column (3.25+), add a column and drop one (3.35+); it"
                    + " cannot change a column's type, default or nullability, or add or drop a constraint. Rebuild"
                    + " the table: PRAGMA foreign_keys=off; CREATE TABLE new_t (...); INSERT INTO new_t SELECT ..."
                    + " FROM t; DROP TABLE t; ALTER TABLE new_t RENAME TO t; recreate its indexes and triggers;"
                    + " PRAGMA foreign_key_check; PRAGMA foreign_keys=on.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                    "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        SqliteAlterAction.forEachTarget(site, (action, target) -> {
            String what = action.needsRebuild(target);
            if (what != null) {
                rebuild(site, sink, target, action.verb(), what, site.object());
            }
        });
    }

    private static void rebuild(StatementSite site, FindingSink sink, DialectTarget target, SqlToken at, String what,
                                String table) {
        String t = table == null ? "t" : table;
        site.report(sink, RULE, at, target, what + " is not possible with SQLite's"
                + " ALTER TABLE" + (target.version() == null ? "" : " " + target.version()) + "; rebuild " + t + ": "
                + (target.dialect() == Dialect.D1 ? "PRAGMA defer_foreign_keys = on" : "PRAGMA foreign_keys = off")
                + "; CREATE TABLE new_" + t + " (... the new definition ...); INSERT INTO new_" + t + " SELECT ... FROM "
                + t + "; DROP TABLE " + t + "; ALTER TABLE new_" + t + " RENAME TO " + t + "; recreate its indexes,"
                + " triggers and views; PRAGMA foreign_key_check"
                + (target.dialect() == Dialect.D1 ? " (on D1, DROP TABLE still runs ON DELETE CASCADE on child rows)"
                : "; PRAGMA foreign_keys = on"));
    }
}
