package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AddColumn;


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
        if (table == null || site.state().emptied.contains(table)) {
            return;
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AddColumn added && added.column().notNull() && !added.column().filled()) {
                site.reportOnTable(sink, RULE, action.at(), table, "adding a NOT NULL column without a DEFAULT fails"
                        + " on " + table + " as soon as it has rows; add a DEFAULT, or add it nullable, backfill,"
                        + " then SET NOT NULL");
            }
        }
    }
}
