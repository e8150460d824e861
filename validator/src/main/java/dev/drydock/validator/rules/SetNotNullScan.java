package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterColumn;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.schema.Constraint;
import dev.drydock.validator.schema.Table;

import java.util.List;
import java.util.Locale;

/** {@code set-not-null-scan}: SET NOT NULL on an existing PostgreSQL table reads every row under its strongest lock. */
final class SetNotNullScan implements StatementRules {

    static final Rule RULE = Rule.of("set-not-null-scan", Severity.WARNING, "locking",
            "ALTER COLUMN ... SET NOT NULL on an existing table",
            "PostgreSQL checks every row while it holds an ACCESS EXCLUSIVE lock, so reads and writes wait for the"
                    + " whole scan. Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later migration"
                    + " (a weaker lock), then SET NOT NULL, which PostgreSQL 12 and later prove from the valid"
                    + " check without a scan.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                    "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.existingPostgresAlteredTable();
        if (table == null) {
            return;
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AlterColumn change && change.change() == AlterColumn.Change.SET_NOT_NULL) {
                String column = change.column().toLowerCase(Locale.ROOT);
                if (!provenByCheck(site.schema().table(table), column)) {
                    site.reportOnTable(sink, RULE, action.at(), table, "SET NOT NULL on " + table + "." + column
                            + " scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (" + column
                            + " IS NOT NULL) NOT VALID and VALIDATE it first, then SET NOT NULL needs no scan"
                            + " (PostgreSQL 12+)");
                }
            }
        }
    }


    /** A CHECK that already says the column is not null lets PostgreSQL skip the scan. */
    private static boolean provenByCheck(Table table, String column) {
        return table.constraints().values().stream().anyMatch(constraint -> constraint.kind() == Constraint.Kind.CHECK
                && constraint.columns().equals(List.of(column))
                && constraint.definition().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains("is not null"));
    }
}
