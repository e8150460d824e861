package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AddConstraint;
import dev.drydock.validator.statement.AddColumn;


/**
 * {@code constraint-without-not-valid}: on PostgreSQL, a foreign key or CHECK added to an existing table without NOT
 * VALID, or a column added with REFERENCES: each scans the table under the ALTER's lock.
 */
final class ConstraintWithoutNotValid implements StatementRules {

    static final Rule RULE = Rule.of("constraint-without-not-valid", Severity.WARNING,
            "locking", "adding a foreign key or CHECK to an existing table without NOT VALID",
            "Adding the constraint scans the whole table while holding a lock that blocks writes. Add it NOT VALID"
                    + " (instant), then VALIDATE CONSTRAINT in a later migration, which takes a weaker lock.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);",
                    "ALTER TABLE users DROP CONSTRAINT users_age_check;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.existingPostgresAlteredTable();
        if (table == null) {
            return;
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AddConstraint constraint && !constraint.notValid()
                    && (constraint.kind() == AddConstraint.Kind.FOREIGN_KEY
                    || constraint.kind() == AddConstraint.Kind.CHECK)) {
                site.reportOnTable(sink, RULE, action.at(), table, "adding this constraint scans all of " + table
                        + " while writes wait; add it NOT VALID, then run ALTER TABLE " + table + " VALIDATE"
                        + " CONSTRAINT ... in a later migration");
            } else if (action instanceof AddColumn added && added.column().references()) {
                site.reportOnTable(sink, RULE, action.at(), table, "adding a column with REFERENCES validates the"
                        + " new foreign key by scanning all of " + table + " under the ALTER's lock; add the column,"
                        + " then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, and VALIDATE CONSTRAINT in a later"
                        + " migration");
            }
        }
    }
}
