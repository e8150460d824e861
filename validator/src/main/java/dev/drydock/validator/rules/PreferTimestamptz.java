package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/** {@code prefer-timestamptz} (opt-in): a timestamp without time zone, read in whatever zone the session has. */
final class PreferTimestamptz implements StatementRules {

    static final Rule RULE = Rule.of("prefer-timestamptz", Severity.WARNING, "style",
            "a timestamp column without time zone",
            "A timestamp without time zone means different instants to sessions in different zones, and changing it"
                    + " to timestamptz later rewrites the table. Declare timestamptz.")
            .on(Dialect.POSTGRESQL).offUntilEnabled()
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN last_seen timestamp;",
                    "ALTER TABLE users DROP COLUMN last_seen;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        ColumnTypes.report(site, sink, RULE,
                type -> type.matches("timestamp(\\(\\d+\\))?( without time zone)?(\\[\\])?"),
                type -> type + " has no time zone; declare timestamptz");
    }
}
