package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.Set;

/** {@code missing-lock-timeout}: once a script, at its first lock-taking statement on an existing table. */
final class MissingLockTimeout implements StatementRules {

    static final Rule RULE = Rule.of("missing-lock-timeout", Severity.WARNING, "locking",
            "DDL on an existing table without a lock_timeout",
            "An ALTER waits for its lock behind any long query, and every query after it waits behind the ALTER:"
                    + " the table is down until the long query ends. Start the migration with SET lock_timeout ="
                    + " '5s' (and retry) so that it gives up instead.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN nickname text;",
                    "ALTER TABLE users DROP COLUMN nickname;");

    private static final Set<String> LOCKING_KINDS = Set.of("ALTER TABLE", "CREATE INDEX", "CREATE UNIQUE INDEX",
            "DROP TABLE", "CREATE TRIGGER", "TRUNCATE");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        ScriptState state = site.state();
        String kind = site.kind();
        if (kind.equals("SET") && (site.containsWord("lock_timeout") || site.containsWord("innodb_lock_wait_timeout")
                || site.containsWord("lock_wait_timeout"))) {
            state.lockTimeoutSet = true;
        }
        if (site.dialect() != Dialect.POSTGRESQL || state.lockTimeoutSet || state.lockTimeoutReported
                || !LOCKING_KINDS.contains(kind) || site.containsWord("CONCURRENTLY")) {
            return;
        }
        String table = site.lockedTable();
        if (table == null) {
            return;
        }
        state.lockTimeoutReported = true;
        site.reportOnTable(sink, RULE, site.first(), table,
                kind + " waits for its lock behind any running query on " + table + ", and every query"
                        + " after it waits too; start the migration with SET lock_timeout = '5s' so that it gives"
                        + " up instead (and retry)");
    }
}
