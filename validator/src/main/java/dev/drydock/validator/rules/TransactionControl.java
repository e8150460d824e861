package dev.drydock.validator.rules;

import dev.drydock.shared.migration.TransactionMode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code transaction-control}: BEGIN, COMMIT, ROLLBACK or END in a script the runner already wraps in a
 * transaction, a BEGIN inside an open one, a BEGIN never committed.
 */
final class TransactionControl implements StatementRules {

    static final Rule RULE = Rule.of("transaction-control", Severity.ERROR, "safety",
            "BEGIN, COMMIT, ROLLBACK or END inside a script the runner wraps in a transaction; a nested or unclosed"
                    + " BEGIN",
            "The runner opens a transaction around the migration and records it in its history table inside that"
                    + " transaction. A COMMIT in the script ends the runner's transaction early: what follows runs"
                    + " outside it, so a later failure can no longer be rolled back, and the history row may be"
                    + " written without the migration or the migration without its row. Remove the script's own"
                    + " BEGIN/COMMIT and let the runner manage the transaction; if the runner does not wrap"
                    + " migrations, set migrations.transactional: false (or mark the migration"
                    + " '-- drydock:no-transaction').")
            .example(Dialect.POSTGRESQL, "BEGIN;\nCREATE TABLE sessions (id int);\nCOMMIT;", "DROP TABLE sessions;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        boolean begin = begins(site.kind(), site.tokens());
        boolean end = ends(site.kind(), site.tokens());
        if (!begin && !end || site.targets().stream().map(DialectTarget::dialect).anyMatch(d -> d == Dialect.D1)) {
            return; // D1 refuses them outright: d1-explicit-transaction says so
        }
        if (wrapped(site)) {
            TransactionMode mode = site.migration().transaction();
            site.report(sink, RULE, site.first(), null, site.kind() + " inside a migration the runner already runs in"
                    + " a transaction (" + mode.decidedBy() + ")" + (end ? ": it ends the runner's transaction, so"
                    + " what follows can no longer be rolled back with the migration" : "") + "; remove the script's"
                    + " own transaction control, or mark the migration '-- drydock:no-transaction' if the runner"
                    + " must not wrap it");
            return;
        }
        if (begin && site.state().openTransactions > 0) {
            site.report(sink, RULE, site.first(), null, "BEGIN inside the transaction opened on line "
                    + site.state().lastBeginLine() + ": PostgreSQL ignores it and MySQL commits the open one; remove"
                    + " it, or COMMIT first");
        }
    }

    @Override
    public void endOfScript(StatementSite last, FindingSink sink) {
        if (last.state().openTransactions > 0 && !wrapped(last)) {
            last.report(sink, RULE, last.first(), null, "the BEGIN on line " + last.state().lastBeginLine() + " is"
                    + " never committed, so the changes after it are rolled back when the session ends; add COMMIT at"
                    + " the end, or remove the BEGIN");
        }
    }

    /**
     * Whether the runner wraps this script in a transaction. golang-migrate never does (its documentation has
     * scripts write their own BEGIN and COMMIT), so there only an explicit setting counts.
     */
    private static boolean wrapped(StatementSite site) {
        TransactionMode mode = site.migration().transaction();
        boolean byDefault = mode.decidedBy().equals(TransactionMode.byDefault(true).decidedBy());
        return mode.inTransaction()
                && !(byDefault && site.analysis().set().layout().name().equals("golang-migrate"));
    }

    /** BEGIN (not PostgreSQL's BEGIN ATOMIC of a routine body) or START TRANSACTION. */
    static boolean begins(String kind, List<SqlToken> tokens) {
        return kind.equals("BEGIN") && !wordAt(tokens, 1, "ATOMIC")
                || kind.equals("START") && wordAt(tokens, 1, "TRANSACTION");
    }

    /** COMMIT, END, ABORT, or ROLLBACK (not ROLLBACK TO a savepoint). */
    static boolean ends(String kind, List<SqlToken> tokens) {
        return kind.equals("COMMIT") || kind.equals("END") || kind.equals("ABORT")
                || kind.equals("ROLLBACK") && !wordAt(tokens, 1, "TO");
    }

    private static boolean wordAt(List<SqlToken> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }
}
