package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** An action the model does not break down (DROP CONSTRAINT, SET ..., MySQL's MODIFY and CHANGE, ...). */
public record OtherAction(SqlToken at) implements AlterAction {
}
