package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] table action, ...}, with its actions in order.
 *
 * @param calls the functions its expressions call (defaults, CHECKs, USING), read from PostgreSQL's parse tree;
 *              empty when the tokens were read
 */
public record AlterTable(SqlToken at, String table, List<AlterAction> actions, List<FunctionCall> calls)
        implements Statement {

    public AlterTable {
        actions = List.copyOf(actions);
        calls = List.copyOf(calls);
    }

    public AlterTable(SqlToken at, String table, List<AlterAction> actions) {
        this(at, table, actions, List.of());
    }
}
