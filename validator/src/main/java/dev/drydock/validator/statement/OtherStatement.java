package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** A statement of a kind the model does not break down (yet); the rules read its tokens. */
public record OtherStatement(SqlToken at) implements Statement {
}
