package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code d1-limit-exceeded}: D1's limits of 100 KB a statement, 100 columns a table, 100 bound parameters.
 */
final class D1LimitExceeded implements StatementRules {

    static final Rule RULE = Rule.of("d1-limit-exceeded", Severity.ERROR, "dialect",
            "a statement over D1's limits: 100 KB, 100 columns, 100 bound parameters",
            "D1 rejects statements longer than 100 KB, tables with more than 100 columns and statements with more"
                    + " than 100 bound parameters. Split the statement (several INSERTs), or split the table.")
            .on(Dialect.D1)
            .example(Dialect.D1, "INSERT INTO users (id) VALUES " + "(?), ".repeat(100) + "(?);", null);

    private static final int MAX_STATEMENT_BYTES = 100 * 1024;
    private static final int MAX_COLUMNS = 100;
    private static final int MAX_PARAMETERS = 100;

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null) {
            return;
        }
        int bytes = site.statement().source().text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_STATEMENT_BYTES) {
            site.report(sink, RULE, site.first(), target, "this statement is " + bytes / 1024
                    + " KB, over D1's 100 KB limit; split it into several statements");
        }
        List<SqlToken> tokens = site.tokens();
        long parameters = tokens.stream().filter(t -> t.isSymbol('?')).count();
        if (parameters > MAX_PARAMETERS) {
            site.report(sink, RULE, site.first(), target, "this statement has " + parameters
                    + " bound parameters, over D1's limit of 100; split it");
        }
        if (site.kind().equals("CREATE TABLE")) {
            String table = site.object();
            int columns = 0;
            int depth = 0;
            for (SqlToken token : tokens) {
                if (token.isSymbol('(')) {
                    depth++;
                    if (depth == 1) {
                        columns++;
                    }
                } else if (token.isSymbol(')')) {
                    depth--;
                } else if (depth == 1 && token.isSymbol(',')) {
                    columns++;
                }
            }
            if (columns > MAX_COLUMNS) {
                site.report(sink, RULE, site.first(), target, "table " + table + " is"
                        + " defined with " + columns + " columns and constraints, over D1's limit of 100 columns;"
                        + " split it into two tables");
            }
        }
    }
}
