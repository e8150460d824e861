package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * What SQLite's ALTER TABLE cannot do: {@code sqlite-alter-needs-rebuild}, {@code sqlite-add-column-restriction}
 * and {@code sqlite-drop-column-blocked}, for SQLite and D1 targets.
 */
final class SqliteRules implements StatementRules {

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (!site.kind().equals("ALTER TABLE")) {
            return;
        }
        for (DialectTarget target : site.targets()) {
            if (target.dialect() == Dialect.SQLITE || target.dialect() == Dialect.D1) {
                alter(site, target, sink);
            }
        }
    }

    private static void alter(StatementSite site, DialectTarget target, FindingSink sink) {
        List<SqlToken> tokens = site.tokens();
        String table = site.object();
        int action = actionStart(tokens);
        if (action < 0) {
            return;
        }
        SqlToken verb = tokens.get(action);
        SqlToken next = action + 1 < tokens.size() ? tokens.get(action + 1) : verb;
        if (verb.isWord("ALTER") || verb.isWord("MODIFY") || verb.isWord("CHANGE")) {
            rebuild(site, sink, target, verb, "changing a column (" + verb.text().toUpperCase(Locale.ROOT) + ")", table);
        } else if (verb.isWord("ADD") && (next.isWord("CONSTRAINT") || next.isWord("PRIMARY") || next.isWord("FOREIGN")
                || next.isWord("CHECK") || next.isWord("UNIQUE"))) {
            rebuild(site, sink, target, verb, "ADD CONSTRAINT", table);
        } else if (verb.isWord("DROP") && (next.isWord("CONSTRAINT") || next.isWord("PRIMARY")
                || next.isWord("FOREIGN"))) {
            rebuild(site, sink, target, verb, "DROP CONSTRAINT", table);
        } else if (verb.isWord("RENAME") && !next.isWord("TO") && !target.atLeast("3.25")) {
            rebuild(site, sink, target, verb, "RENAME COLUMN (SQLite 3.25)", table);
        } else if (verb.isWord("DROP")) {
            if (!target.atLeast("3.35")) {
                rebuild(site, sink, target, verb, "DROP COLUMN (SQLite 3.35)", table);
            } else {
                int column = action + (next.isWord("COLUMN") ? 2 : 1);
                if (column < tokens.size()) {
                    dropColumnBlockers(site, sink, target, table, tokens.get(column));
                }
            }
        } else if (verb.isWord("ADD")) {
            addColumn(site, sink, target, tokens.subList(action + (next.isWord("COLUMN") ? 2 : 1), tokens.size()));
        }
    }

    /** The index of the action's first word: after {@code ALTER TABLE [IF EXISTS] name}. */
    private static int actionStart(List<SqlToken> tokens) {
        int i = 2;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        i++; // the table name
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
            i += 2;
        }
        return i < tokens.size() ? i : -1;
    }

    private static void rebuild(StatementSite site, FindingSink sink, DialectTarget target, SqlToken at, String what,
                                String table) {
        String t = table == null ? "t" : table;
        site.report(sink, RuleCatalog.SQLITE_ALTER_NEEDS_REBUILD, at, target, what + " is not possible with SQLite's"
                + " ALTER TABLE" + (target.version() == null ? "" : " " + target.version()) + "; rebuild " + t + ": "
                + (target.dialect() == Dialect.D1 ? "PRAGMA defer_foreign_keys = on" : "PRAGMA foreign_keys = off")
                + "; CREATE TABLE new_" + t + " (... the new definition ...); INSERT INTO new_" + t + " SELECT ... FROM "
                + t + "; DROP TABLE " + t + "; ALTER TABLE new_" + t + " RENAME TO " + t + "; recreate its indexes,"
                + " triggers and views; PRAGMA foreign_key_check"
                + (target.dialect() == Dialect.D1 ? " (on D1, DROP TABLE still runs ON DELETE CASCADE on child rows)"
                : "; PRAGMA foreign_keys = on"));
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
        site.report(sink, RuleCatalog.SQLITE_ADD_COLUMN_RESTRICTION, at, target, "SQLite's ADD COLUMN cannot add "
                + what + "; " + instead);
    }

    private static void dropColumnBlockers(StatementSite site, FindingSink sink, DialectTarget target, String tableName,
                                           SqlToken columnToken) {
        Table table = tableName == null ? null : site.schema().table(tableName);
        String column = columnToken.unquoted().toLowerCase(Locale.ROOT);
        if (table == null || !table.hasColumn(column)) {
            return;
        }
        List<String> blockers = site.schema().sqliteDropColumnBlockers(tableName, column);
        if (!blockers.isEmpty()) {
            site.report(sink, RuleCatalog.SQLITE_DROP_COLUMN_BLOCKED, columnToken, target, "SQLite refuses to drop "
                    + tableName + "." + column + " because " + String.join(", ", blockers) + " uses it; drop "
                    + (blockers.size() == 1 ? "it" : "them") + " first, or rebuild the table without the column");
        }
    }
}
