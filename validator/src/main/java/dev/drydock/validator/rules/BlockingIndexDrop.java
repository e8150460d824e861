package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.schema.Index;
import dev.drydock.validator.statement.DropObjects;

import java.util.Locale;

/** {@code blocking-index-drop}: DROP INDEX without CONCURRENTLY locks the index's table. */
final class BlockingIndexDrop implements StatementRules {

    static final Rule RULE = Rule.of("blocking-index-drop", Severity.WARNING, "locking",
            "DROP INDEX without CONCURRENTLY on an existing table's index",
            "PostgreSQL's DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, and waits behind every running"
                    + " query on it while new ones queue behind the drop. Use DROP INDEX CONCURRENTLY, in a"
                    + " migration that runs outside a transaction.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);",
                    "DROP INDEX users_name_idx;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL || !(site.typed() instanceof DropObjects drop)
                || !drop.type().equals("INDEX") || drop.concurrently()) {
            return;
        }
        for (String name : drop.names()) {
            Index index = site.schema().indexes().get(site.names().key(name.toLowerCase(Locale.ROOT)));
            String table = index == null ? null : site.existingTable(index.table());
            if (table != null) {
                site.reportOnTable(sink, RULE, site.first(), table, "DROP INDEX " + name + " locks " + table
                        + " against reads and writes while it waits for running queries; use DROP INDEX CONCURRENTLY"
                        + " in a migration that runs outside a transaction");
                return;
            }
        }
    }
}
