package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.CreateIndex;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.List;

/**
 * {@code blocking-index-build}: an index built on an existing table in a way that blocks its writes: PostgreSQL's
 * CREATE INDEX without CONCURRENTLY; on MySQL and MariaDB, an index build without an ALGORITHM or LOCK clause that
 * would make it fail instead, or with ALGORITHM=COPY, LOCK=SHARED or LOCK=EXCLUSIVE; a foreign key added while
 * foreign_key_checks is on, which InnoDB can only add by copying the table.
 */
final class BlockingIndexBuild implements StatementRules {

    static final Rule RULE = Rule.of("blocking-index-build", Severity.WARNING, "locking",
            "building an index that blocks writes to an existing table",
            "PostgreSQL's CREATE INDEX holds a lock that blocks every INSERT, UPDATE and DELETE until the build"
                    + " ends; MySQL may copy the table, and does for a foreign key added while foreign_key_checks is"
                    + " on. Use CREATE INDEX CONCURRENTLY (outside a transaction) on PostgreSQL, ALGORITHM=INPLACE,"
                    + " LOCK=NONE on MySQL and MariaDB.")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_email_idx ON users (email);",
                    "DROP INDEX users_email_idx;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null) {
            return;
        }
        String kind = site.kind();
        if (site.typed() instanceof CreateIndex index) {
            if (site.dialect() == Dialect.POSTGRESQL && !index.concurrently()) {
                site.reportOnTable(sink, RULE, site.first(), table, "CREATE INDEX on " + table + " blocks every"
                        + " INSERT, UPDATE and DELETE until the build ends; use CREATE INDEX CONCURRENTLY, in a"
                        + " migration that runs outside a transaction");
            } else if (site.dialect().isMySqlFamily() && MysqlOnlineDdl.mayBlock(site)) {
                site.reportOnTable(sink, RULE, site.first(), table, "this index build may block writes to " + table
                        + "; add ALGORITHM=INPLACE LOCK=NONE so that it fails instead of locking");
            }
        } else if (kind.equals("ALTER TABLE") && site.dialect().isMySqlFamily() && MysqlOnlineDdl.mayBlock(site)) {
            for (List<SqlToken> action : AlterTableActions.addedConstraints(site.tokens())) {
                if (AlterTableActions.has(action, "FOREIGN")) {
                    if (!site.names().foreignKeyChecksOff()) {
                        site.reportOnTable(sink, RULE, action.get(0), table, "adding a foreign key copies " + table
                                + " and blocks its writes while foreign_key_checks is on (InnoDB adds one in place"
                                + " only with the checks off, error 1846); run it when writes can wait, or with SET"
                                + " foreign_key_checks = 0 once the rows are known to match, as they are then not"
                                + " checked");
                    }
                } else if (AlterTableActions.has(action, "INDEX") || AlterTableActions.has(action, "KEY")
                        || AlterTableActions.has(action, "UNIQUE")) {
                    site.reportOnTable(sink, RULE, action.get(0), table, "this index build may block writes to "
                            + table + "; add ALGORITHM=INPLACE, LOCK=NONE so that it fails instead of locking");
                }
            }
        }
    }
}
