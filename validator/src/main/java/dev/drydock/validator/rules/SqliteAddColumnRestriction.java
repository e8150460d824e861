package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/**
 * {@code sqlite-add-column-restriction}: an ADD COLUMN that SQLite refuses (PRIMARY KEY, UNIQUE, an expression or
 * current-time default, a STORED generated column).
 */
final class SqliteAddColumnRestriction implements StatementRules {

    static final Rule RULE = Rule.of("sqlite-add-column-restriction",
            Severity.ERROR, "dialect", "an ADD COLUMN that SQLite refuses",
            "SQLite's ADD COLUMN cannot add a PRIMARY KEY or UNIQUE column, a column whose default is an expression"
                    + " or CURRENT_TIME/DATE/TIMESTAMP, or a STORED generated column (a NOT NULL column without a"
                    + " default fails only once the table has rows: not-null-without-default). Add the column with a"
                    + " constant default (or none) and backfill it, create a UNIQUE INDEX instead of UNIQUE, or"
                    + " rebuild the table.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "ALTER TABLE users ADD COLUMN code text UNIQUE;",
                    "ALTER TABLE users DROP COLUMN code;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        SqliteAlterAction.forEachTarget(site, (action, target) -> {
            if (action.verb().isWord("ADD") && action.needsRebuild(target) == null) {
                List<SqlToken> tokens = site.tokens();
                addColumn(site, sink, target, tokens.subList(Math.min(action.columnAt(), tokens.size()), tokens.size()));
            }
        });
    }

    private static void addColumn(StatementSite site, FindingSink sink, DialectTarget target, List<SqlToken> definition) {
        for (int i = 0; i < definition.size(); i++) {
            SqlToken token = definition.get(i);
            SqlToken next = i + 1 < definition.size() ? definition.get(i + 1) : null;
            if (token.isWord("PRIMARY") || token.isWord("UNIQUE")) {
                restriction(site, sink, target, token, "a " + token.text().toUpperCase(Locale.ROOT) + " column",
                        "add the column plainly and CREATE UNIQUE INDEX on it, or rebuild the table");
                return;
            }
            if (token.isWord("DEFAULT") && next != null) {
                if (next.isSymbol('(') || next.isWord("CURRENT_TIMESTAMP") || next.isWord("CURRENT_TIME")
                        || next.isWord("CURRENT_DATE")) {
                    restriction(site, sink, target, next, "a default that is an expression or the current time",
                            "add the column with a constant default (or none) and fill it with an UPDATE");
                    return;
                }
            }
            if (token.isWord("STORED")) {
                restriction(site, sink, target, token, "a STORED generated column", "make it VIRTUAL, or rebuild the"
                        + " table");
                return;
            }
        }
    }

    private static void restriction(StatementSite site, FindingSink sink, DialectTarget target, SqlToken at,
                                    String what, String instead) {
        site.report(sink, RULE, at, target, "SQLite's ADD COLUMN cannot add "
                + what + "; " + instead);
    }
}
