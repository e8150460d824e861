package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;

/**
 * {@code mysql-ddl-implicit-commit}: DDL after an explicit BEGIN on MySQL and MariaDB, which commit around every DDL
 * statement.
 */
final class MysqlDdlImplicitCommit implements StatementRules {

    static final Rule RULE = Rule.of("mysql-ddl-implicit-commit", Severity.WARNING,
            "dialect", "DDL inside an explicit transaction on MySQL or MariaDB",
            "MySQL and MariaDB commit the open transaction before and after every DDL statement, so BEGIN ..."
                    + " ROLLBACK around DDL undoes nothing and a failure leaves the migration half applied. Keep one"
                    + " DDL change per migration, and make each statement safe to re-run.")
            .on(Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.MYSQL, "START TRANSACTION;\nCREATE TABLE sessions (id int);\nCOMMIT;",
                    "DROP TABLE sessions;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean ddl = kind.startsWith("CREATE") || kind.startsWith("ALTER") || kind.startsWith("DROP")
                || kind.equals("RENAME") || kind.equals("TRUNCATE");
        if (!ddl || site.state().openTransactions == 0) {
            return;
        }
        for (DialectTarget target : site.targets()) {
            if (target.dialect().isMySqlFamily()) {
                site.report(sink, RULE, site.first(), target, kind + " commits the"
                        + " transaction opened by BEGIN on line " + site.state().lastBeginLine() + ", so it cannot be"
                        + " rolled back with what came before; keep DDL out of explicit transactions and make each"
                        + " statement safe to re-run");
            }
        }
    }
}
