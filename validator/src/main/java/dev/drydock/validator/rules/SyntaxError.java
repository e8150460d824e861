package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.validator.parse.ParsedScript;
import dev.drydock.validator.parse.SyntaxProblem;

import java.util.List;
import java.util.Map;

/**
 * {@code syntax-error}: what the parsing already found in every script read (docs/validator.md says who judges:
 * libpg_query for PostgreSQL, SQLite's parser for SQLite and D1, certain checks for MySQL and MariaDB).
 */
final class SyntaxError implements Check {

    static final Rule RULE = Rule.of("syntax-error", Severity.ERROR, "parsing",
            "a statement the target database would reject",
            "The database stops the migration at this statement. Fix the SQL at the position shown; the message"
                    + " names the token where parsing failed.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Map.Entry<Script, List<ParsedScript>> entry : analysis.parsed().entrySet()) {
            for (ParsedScript parsed : entry.getValue()) {
                for (SyntaxProblem problem : parsed.problems()) {
                    sink.add(RULE, entry.getKey().displayPath(), problem.start(), problem.end(),
                            parsed.dialect().dialect().id(), problem.message());
                }
            }
        }
    }
}
