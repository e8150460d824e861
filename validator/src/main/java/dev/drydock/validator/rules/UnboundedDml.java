package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/** {@code unbounded-dml}: UPDATE or DELETE without WHERE, and TRUNCATE, on an existing table. */
final class UnboundedDml implements StatementRules {

    static final Rule RULE = Rule.of("unbounded-dml", Severity.WARNING, "safety",
            "UPDATE or DELETE without WHERE, or TRUNCATE, on an existing table",
            "It touches every row under one lock and in one transaction; on a large table that blocks writers and"
                    + " bloats the log. Add a WHERE clause, or backfill in batches (by key range) outside the"
                    + " schema migration.")
            .example(Dialect.POSTGRESQL, "UPDATE users SET active = true;", "UPDATE users SET active = false;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null) {
            return;
        }
        String kind = site.kind();
        if (kind.equals("TRUNCATE")) {
            site.reportOnTable(sink, RULE, site.first(), table, "TRUNCATE " + table + " empties an existing table"
                    + " under an exclusive lock; if it is meant, say so with '-- drydock:irreversible <reason>' and"
                    + " take a backup first");
        } else if ((kind.equals("UPDATE") || kind.equals("DELETE")) && !site.hasTopLevelWord("WHERE")) {
            site.reportOnTable(sink, RULE, site.first(), table, kind + " without WHERE touches every row of " + table
                    + " in one transaction, locking them all; add a WHERE clause, or backfill in batches by key"
                    + " range");
        }
    }
}
