package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.DropColumn;

import java.util.Locale;

/**
 * {@code destructive-drop}: DROP TABLE or DROP COLUMN on a table that existed before the migration. The table a
 * SQLite rebuild renames its copy to is no loss: its rows were copied first.
 */
final class DestructiveDrop implements StatementRules {

    static final Rule RULE = Rule.of("destructive-drop", Severity.WARNING, "safety",
            "DROP TABLE or DROP COLUMN on an existing table",
            "The data is gone on commit, and application code that still reads the table or column fails. Stop"
                    + " using it in the code first, deploy, then drop it in a later migration, after a backup.")
            .example(Dialect.POSTGRESQL, "-- drydock:irreversible replaced by accounts\nDROP TABLE users;", null);

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null) {
            return;
        }
        if (site.kind().equals("DROP TABLE") && !site.state().renamedInto.contains(table)) {
            site.reportOnTable(sink, RULE, site.first(), table, "DROP TABLE " + table + " deletes the table and its"
                    + " rows, and breaks code that still uses it; stop using it first, then drop it in a later"
                    + " migration after a backup");
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof DropColumn drop) {
                site.reportOnTable(sink, RULE, action.at(), table, "dropping column "
                        + drop.column().toLowerCase(Locale.ROOT) + " of " + table + " deletes its data and breaks code"
                        + " that still reads it; stop using it first, then drop it in a later migration");
            }
        }
    }
}
