package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.Set;

/** {@code prefer-identity} (opt-in): a serial column, whose sequence is a separate object with its own grants. */
final class PreferIdentity implements StatementRules {

    private static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    static final Rule RULE = Rule.of("prefer-identity", Severity.WARNING, "style",
            "a serial column",
            "serial makes a sequence that is a separate object: it needs its own grants, survives in dumps and copies"
                    + " apart from the column, and lets INSERTs bypass it. Declare the column GENERATED ALWAYS AS"
                    + " IDENTITY (or BY DEFAULT), the SQL standard's form.")
            .on(Dialect.POSTGRESQL).offUntilEnabled()
            .example(Dialect.POSTGRESQL, "CREATE TABLE events (id bigserial PRIMARY KEY);", "DROP TABLE events;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        ColumnTypes.report(site, sink, RULE, SERIALS::contains,
                type -> type + " makes a separate sequence; declare the column GENERATED ALWAYS AS IDENTITY");
    }
}
