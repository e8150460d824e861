package dev.drydock.validator.rules;

import dev.drydock.shared.migration.TransactionMode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.statement.CreateIndex;
import dev.drydock.validator.statement.DropObjects;

/**
 * {@code concurrent-in-transaction}: a statement PostgreSQL runs only outside a transaction block (CONCURRENTLY,
 * VACUUM, CREATE DATABASE, ...) in a script the runner wraps in one. With the flyway layout and no explicit flag it
 * follows Flyway: a script whose every statement needs to run outside a transaction runs outside one, a mix fails.
 */
final class ConcurrentInTransaction implements StatementRules {

    static final Rule RULE = Rule.of("concurrent-in-transaction", Severity.ERROR,
            "locking", "CONCURRENTLY in a migration that runs in a transaction",
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and the like inside a"
                    + " transaction block. Put the statement in a migration of its own that runs outside a"
                    + " transaction (a '-- drydock:no-transaction' line, Flyway's executeInTransaction=false,"
                    + " dbmate's transaction:false, diesel's run_in_transaction = false).")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "UPDATE users SET active = true WHERE id = 1;\n"
                    + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);", "DROP INDEX users_name_idx;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean concurrently = site.typed() instanceof CreateIndex index ? index.concurrently()
                : site.typed() instanceof DropObjects drop ? drop.concurrently()
                : kind.equals("REINDEX") && site.containsWord("CONCURRENTLY");
        boolean outsideOnly = concurrently || kind.equals("VACUUM") || kind.equals("CREATE DATABASE") || kind.equals("DROP DATABASE")
                || kind.equals("ALTER SYSTEM");
        if (outsideOnly) {
            site.state().outsideTransactionOnly.add(site.statement());
        } else if (!kind.equals("SET") && !kind.equals("COMMIT") && !kind.equals("BEGIN")) {
            site.state().transactionalStatements++;
        }
    }

    @Override
    public void endOfScript(StatementSite last, FindingSink sink) {
        ScriptState state = last.state();
        if (state.outsideTransactionOnly.isEmpty() || last.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        TransactionMode mode = last.migration().transaction();
        boolean followsFlyway = last.analysis().set().layout().name().equals("flyway")
                && mode.decidedBy().equals(TransactionMode.byDefault(true).decidedBy());
        boolean inTransaction = mode.inTransaction() && !(followsFlyway && state.transactionalStatements == 0);
        if (!inTransaction) {
            return;
        }
        ParsedStatement first = state.outsideTransactionOnly.get(0);
        String why = followsFlyway ? "it is mixed with statements that need a transaction, so Flyway refuses the"
                + " migration" : "the migration runs in a transaction (" + mode.decidedBy() + ")";
        StatementSite site = new StatementSite(last.analysis(), last.migration(), last.script(), last.forward(), first,
                last.schema(), last.names(), state);
        site.report(sink, RULE, first.source().tokens().get(0), null,
                first.shape().kind() + (site.containsWord("CONCURRENTLY") ? " CONCURRENTLY" : "") + " cannot run in a"
                        + " transaction block and " + why + "; move it to a migration of its own marked '--"
                        + " drydock:no-transaction' (or the runner's equivalent)");
    }
}
