package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** One comma-separated action of an {@code ALTER TABLE}. */
public sealed interface AlterAction permits AddColumn, AddConstraint, AlterColumn, DropColumn, Rename, OtherAction {

    /** The action's first token (its verb: ADD, ALTER, DROP, ...). */
    SqlToken at();
}
