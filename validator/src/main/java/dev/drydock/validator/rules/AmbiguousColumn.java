package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code ambiguous-column}: a column name that more than one table of a data statement has. Calcite's validation of
 * data statements finds it ({@link DataStatementCheck}).
 */
final class AmbiguousColumn {

    static final Rule RULE = Rule.of("ambiguous-column", Severity.ERROR, "schema",
            "a column name that more than one table in the statement has",
            "The database cannot tell which table's column is meant and refuses the statement ('column reference is"
                    + " ambiguous'). Qualify the column with its table or alias.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE teams (id int PRIMARY KEY, name text);\n"
                    + "DELETE FROM users WHERE id IN (SELECT u.id FROM users u JOIN teams t ON t.id = u.id"
                    + " WHERE name = 'core');", "DROP TABLE teams;");

    private AmbiguousColumn() {
    }
}
