package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.Rename;

/** {@code breaking-rename}: renaming an existing table or column, which the running application still uses. */
final class BreakingRename implements StatementRules {

    static final Rule RULE = Rule.of("breaking-rename", Severity.WARNING, "safety",
            "renaming an existing table or column",
            "Application code that is running uses the old name and fails the moment the migration commits. Add"
                    + " the new column (or a view with the new name), move the code over, then drop the old one.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users RENAME COLUMN name TO full_name;",
                    "ALTER TABLE users RENAME COLUMN full_name TO name;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null) {
            return;
        }
        if (site.kind().equals("RENAME")) {
            site.reportOnTable(sink, RULE, site.first(), table, "renaming " + table + " breaks the running application"
                    + " that still uses the old name; add a view with the new name first, move the code, then rename");
            return;
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof Rename rename) {
                String what = rename.column() == null ? "table " + table : "a column of " + table;
                site.reportOnTable(sink, RULE, action.at(), table, "renaming " + what + " breaks the running"
                        + " application that still uses the old name; add the new name alongside (a new column kept"
                        + " in sync, or a view), move the code, then drop the old name");
            }
        }
    }
}
