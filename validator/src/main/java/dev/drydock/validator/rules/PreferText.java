package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/** {@code prefer-text} (opt-in): a length-limited character column, whose limit can only grow by an ALTER. */
final class PreferText implements StatementRules {

    static final Rule RULE = Rule.of("prefer-text", Severity.WARNING, "style",
            "a varchar(n) or char(n) column",
            "PostgreSQL stores text and varchar alike; the length limit only adds an ALTER (and, for a shorter limit,"
                    + " a scan under an exclusive lock) each time it must change. Declare text, and a CHECK"
                    + " (length(col) <= n) if the limit matters, which can be replaced NOT VALID.")
            .on(Dialect.POSTGRESQL).offUntilEnabled()
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN nickname varchar(40);",
                    "ALTER TABLE users DROP COLUMN nickname;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        ColumnTypes.report(site, sink, RULE, type -> type.matches("(varchar|character varying|char|character)\\(.*"),
                type -> type + " limits the length in the type; declare text, with a CHECK on length() if the limit"
                        + " matters");
    }
}
