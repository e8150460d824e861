package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;

import java.util.Set;

/**
 * {@code d1-explicit-transaction}: D1 runs each migration file in a transaction of its own and rejects BEGIN,
 * COMMIT, ROLLBACK, SAVEPOINT, RELEASE and END.
 */
final class D1ExplicitTransaction implements StatementRules {

    static final Rule RULE = Rule.of("d1-explicit-transaction", Severity.ERROR, "dialect",
            "BEGIN, COMMIT, ROLLBACK or SAVEPOINT in a D1 migration",
            "D1 runs each migration file in its own transaction and rejects explicit transaction statements."
                    + " Remove them; the file is already atomic.")
            .on(Dialect.D1)
            .example(Dialect.D1, "BEGIN TRANSACTION;\nCREATE TABLE sessions (id integer);\nCOMMIT;",
                    "DROP TABLE sessions;");

    private static final Set<String> TRANSACTION_WORDS = Set.of("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
            "END");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null) {
            return;
        }
        String kind = site.kind();
        if (TRANSACTION_WORDS.contains(kind)) {
            site.report(sink, RULE, site.first(), target, kind + " is rejected by D1,"
                    + " which runs each migration file in a transaction of its own; remove it");
        }
    }
}
