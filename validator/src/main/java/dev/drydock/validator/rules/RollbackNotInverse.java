package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;

import java.util.List;

/**
 * {@code rollback-not-inverse}: after a forward migration and its rollback the schema differs from the schema before
 * the forward migration. {@link ReplayCheck} replays both on its schema model and hands the differences here.
 */
final class RollbackNotInverse {

    static final Rule RULE = Rule.of("rollback-not-inverse", Severity.ERROR, "rollback",
            "the rollback does not bring the schema back to where it was",
            "After the forward migration and its rollback the schema must equal the schema before the forward"
                    + " migration; otherwise a rollback in an incident leaves a schema nobody has tested. The message"
                    + " lists every difference (column order is not compared): add what the rollback leaves out.")
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_name_idx ON users (name);\n"
                    + "ALTER TABLE users ADD COLUMN nickname text;", "DROP INDEX users_name_idx;");

    private RollbackNotInverse() {
    }

    static void report(FindingSink sink, Migration migration, Script rollback, List<String> differences) {
        sink.addAtScript(RULE, rollback, "after " + migration.id() + " and its rollback the schema is not what it was"
                + " before " + migration.id() + ": " + String.join("; ", differences) + ". Make the rollback undo"
                + " exactly what the forward migration does");
    }
}
