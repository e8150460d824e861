package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * {@code sqlite-drop-column-blocked}: a DROP COLUMN that SQLite 3.35+ refuses because an index, key, CHECK, foreign
 * key, view or trigger uses the column.
 */
final class SqliteDropColumnBlocked implements StatementRules {

    static final Rule RULE = Rule.of("sqlite-drop-column-blocked", Severity.ERROR,
            "dialect", "a DROP COLUMN that SQLite refuses because something uses the column",
            "SQLite refuses to drop a column that is indexed, part of a PRIMARY KEY or UNIQUE constraint, used in"
                    + " a CHECK or foreign key, or mentioned by a view or trigger. Drop those first (the message"
                    + " names them), or rebuild the table without the column.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "CREATE TABLE people (id integer PRIMARY KEY, email text);\n"
                    + "CREATE INDEX people_email_idx ON people (email);\nALTER TABLE people DROP COLUMN email;",
                    "DROP TABLE people;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        SqliteAlterAction.forEachTarget(site, (action, target) -> {
            if (action.verb().isWord("DROP") && action.needsRebuild(target) == null
                    && action.columnAt() < site.tokens().size()) {
                dropColumnBlockers(site, sink, target, site.object(), site.tokens().get(action.columnAt()));
            }
        });
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
            site.report(sink, RULE, columnToken, target, "SQLite refuses to drop "
                    + tableName + "." + column + " because " + String.join(", ", blockers) + " uses it; drop "
                    + (blockers.size() == 1 ? "it" : "them") + " first, or rebuild the table without the column");
        }
    }
}
