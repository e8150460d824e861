package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/** {@code ALTER TABLE [IF EXISTS] [ONLY] table action, ...}, with its actions in order. */
public record AlterTable(SqlToken at, String table, List<AlterAction> actions) implements Statement {
}
