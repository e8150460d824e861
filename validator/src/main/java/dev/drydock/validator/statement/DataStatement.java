package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * An INSERT, UPDATE or DELETE read from PostgreSQL's parse tree, which is read for one only when it may call a
 * misspelt function (the rest of a data statement is Calcite's to check).
 *
 * @param calls the functions it calls, anywhere in it
 */
public record DataStatement(SqlToken at, List<FunctionCall> calls) implements Statement {

    public DataStatement {
        calls = List.copyOf(calls);
    }
}
