package dev.drydock.validator.parse;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlComment;

import java.util.List;

/**
 * A script read for one dialect: its statements, its {@code drydock:} directives, and the syntax problems
 * found (lexical ones, such as an unclosed string, and those of single statements).
 */
public record ParsedScript(Script script, DialectTarget dialect, List<ParsedStatement> statements,
                           List<SqlComment> directives, List<SyntaxProblem> problems) {

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
