package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AddConstraint;
import dev.drydock.validator.statement.AddColumn;
import dev.drydock.shared.sql.SqlToken;


/** {@code unique-constraint-blocking}: ADD UNIQUE or PRIMARY KEY builds its index while the table is locked. */
final class UniqueConstraintBlocking implements StatementRules {

    static final Rule RULE = Rule.of("unique-constraint-blocking", Severity.WARNING, "locking",
            "ADD UNIQUE or ADD PRIMARY KEY on an existing table without USING INDEX",
            "PostgreSQL builds the constraint's index under an ACCESS EXCLUSIVE lock: the table is unreadable and"
                    + " unwritable until the build ends. Build a unique index CONCURRENTLY first (in a migration"
                    + " outside a transaction), then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING"
                    + " INDEX), which is instant.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                    "ALTER TABLE users DROP CONSTRAINT users_email_key;");


    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.existingPostgresAlteredTable();
        if (table == null) {
            return;
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AddColumn added && added.column().key() != null) {
                SqlToken key = added.column().key();
                site.reportOnTable(sink, RULE, key, table, "adding a column with "
                        + (key.isWord("UNIQUE") ? "UNIQUE" : "PRIMARY KEY") + " builds its index on " + table
                        + " under an ACCESS EXCLUSIVE lock; add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD"
                        + " CONSTRAINT ... USING INDEX");
            } else if (action instanceof AddConstraint constraint && !constraint.usingIndex()
                    && (constraint.kind() == AddConstraint.Kind.UNIQUE
                    || constraint.kind() == AddConstraint.Kind.PRIMARY_KEY)) {
                String what = constraint.kind() == AddConstraint.Kind.UNIQUE ? "UNIQUE" : "PRIMARY KEY";
                site.reportOnTable(sink, RULE, action.at(), table, "ADD " + what + " builds its index on " + table
                        + " under an ACCESS EXCLUSIVE lock; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD "
                        + "CONSTRAINT ... " + what + " USING INDEX");
            }
        }
    }
}
