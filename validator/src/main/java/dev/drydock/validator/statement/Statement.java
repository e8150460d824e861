package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * What a statement does, as the rules read it: the kinds the safety and locking rules judge, each with the parts
 * they look at and where each part is written. A PostgreSQL ALTER TABLE is read from PostgreSQL's own parse tree
 * ({@link PostgresStatements}); the rest, and everything when libpg_query is not installed, from the tokens
 * ({@link TokenStatements}). Names are as written: folded to lower case unless quoted, never cut to a length.
 */
public sealed interface Statement permits CreateTable, CreateIndex, DropObjects, AlterTable, DataStatement,
        CreateTrigger, CreatePolicy, OtherStatement {

    /** The statement's first token. */
    SqlToken at();
}
