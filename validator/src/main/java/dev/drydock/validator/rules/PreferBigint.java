package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.Set;

/** {@code prefer-bigint} (opt-in): a 32- or 16-bit integer column, which a growing table can outgrow. */
final class PreferBigint implements StatementRules {

    private static final Set<String> SMALL = Set.of("int", "integer", "int4", "smallint", "int2", "serial", "serial4",
            "smallserial", "serial2");

    static final Rule RULE = Rule.of("prefer-bigint", Severity.WARNING, "style",
            "an integer or smallint column",
            "A 32-bit key runs out at 2,147,483,647, and widening it later rewrites the table and every index on it"
                    + " under an exclusive lock. Declare bigint (bigserial, or bigint GENERATED ... AS IDENTITY).")
            .on(Dialect.POSTGRESQL).offUntilEnabled()
            .example(Dialect.POSTGRESQL, "CREATE TABLE events (id integer PRIMARY KEY);", "DROP TABLE events;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        ColumnTypes.report(site, sink, RULE, SMALL::contains, type -> type + " runs out at "
                + (type.contains("small") || type.endsWith("2") ? "32,767" : "2,147,483,647")
                + " and widening it later rewrites the table; declare bigint");
    }
}
