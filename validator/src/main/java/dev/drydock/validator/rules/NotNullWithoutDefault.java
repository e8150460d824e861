package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code not-null-without-default}: ADD COLUMN ... NOT NULL without a default on an existing table, which fails
 * once the table has a row. A table this script emptied has none.
 */
final class NotNullWithoutDefault implements StatementRules {

    static final Rule RULE = Rule.of("not-null-without-default", Severity.ERROR, "safety",
            "adding a NOT NULL column without a default to an existing table",
            "Existing rows have no value for the column, so the statement fails on any non-empty table (and MySQL"
                    + " silently fills in zero values). Add it with a DEFAULT, or nullable, backfill, then SET NOT"
                    + " NULL.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN email text NOT NULL;",
                    "ALTER TABLE users DROP COLUMN email;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        String kind = site.kind();
        if (table != null && (kind.equals("TRUNCATE") || kind.equals("DELETE") && !site.hasTopLevelWord("WHERE"))) {
            site.state().emptied.add(table);
        }
        if (table == null || !kind.equals("ALTER TABLE") || site.state().emptied.contains(table)) {
            return;
        }
        for (List<SqlToken> action : AlterTableActions.addedColumns(site.tokens())) {
            boolean notNull = false;
            boolean hasDefault = false;
            for (int i = 0; i < action.size(); i++) {
                SqlToken token = action.get(i);
                notNull |= token.isWord("NOT") && i + 1 < action.size() && action.get(i + 1).isWord("NULL");
                hasDefault |= token.isWord("DEFAULT") || token.isWord("GENERATED") || token.isWord("AUTO_INCREMENT")
                        || token.isWord("SERIAL") || token.isWord("BIGSERIAL") || token.isWord("AS");
            }
            if (notNull && !hasDefault) {
                site.reportOnTable(sink, RULE, action.get(0), table, "adding a NOT NULL column without a DEFAULT fails"
                        + " on " + table + " as soon as it has rows; add a DEFAULT, or add it nullable, backfill,"
                        + " then SET NOT NULL");
            }
        }
    }
}
