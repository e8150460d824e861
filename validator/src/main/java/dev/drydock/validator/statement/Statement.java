package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * What a statement does, as the rules read it: the kinds the safety and locking rules judge, each with the parts
 * they look at and where each part is written. PostgreSQL's statements are read from PostgreSQL's own parse tree
 * ({@link PostgresStatements}); other dialects', and PostgreSQL's when libpg_query is not installed, from their
 * tokens ({@link TokenStatements}). Names are as the database sees them: folded to lower case unless quoted.
 */
public sealed interface Statement permits CreateIndex, DropObjects, AlterTable, OtherStatement {

    /** The statement's first token. */
    SqlToken at();
}
