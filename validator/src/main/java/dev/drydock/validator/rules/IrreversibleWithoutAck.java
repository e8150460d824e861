package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlComment;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.AlterTableActions;
import dev.drydock.validator.statement.DropColumn;

import java.util.List;
import java.util.Locale;

/**
 * {@code irreversible-without-ack}: a forward migration that destroys data on an existing table (DROP TABLE, DROP
 * COLUMN, TRUNCATE, DELETE, a narrowing type change) without a {@code -- drydock:irreversible <reason>} line.
 */
final class IrreversibleWithoutAck implements StatementRules {

    /** The directive, at the top of a forward script, that says its data loss is meant. */
    static final String DIRECTIVE = "drydock:irreversible";

    static final Rule RULE = Rule.of("irreversible-without-ack", Severity.ERROR,
            "rollback", "a forward migration that destroys data, without an acknowledgement",
            "Dropping a table or column, TRUNCATE, DELETE and narrowing a type lose data that no rollback can"
                    + " bring back; only a backup can. Say that this is intended with a '-- drydock:irreversible"
                    + " <reason>' line at the top of the forward file, and make sure a backup is taken first.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users DROP COLUMN name;", "ALTER TABLE users ADD COLUMN name text;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null || acknowledged(site.analysis(), site.script())) {
            return;
        }
        switch (site.kind()) {
            case "DROP TABLE" -> {
                if (!site.state().renamedInto.contains(table)) {
                    report(site, sink, "DROP TABLE " + table + " deletes its rows");
                }
            }
            case "TRUNCATE" -> report(site, sink, "TRUNCATE " + table + " deletes every row");
            case "DELETE" -> report(site, sink, "DELETE FROM " + table + " removes rows");
            case "ALTER TABLE" -> {
                site.alterActions().stream().filter(DropColumn.class::isInstance).map(DropColumn.class::cast)
                        .forEach(drop -> report(site, sink, "dropping " + table + "."
                                + drop.column().toLowerCase(Locale.ROOT) + " deletes its data"));
                for (List<SqlToken> action : AlterTableActions.of(site.tokens())) {
                    ColumnTypeChange change = ColumnTypeChange.of(site, table, action);
                    if (change != null && change.narrows()) {
                        report(site, sink, "narrowing " + table + "." + change.column() + " from " + change.from()
                                + " to " + change.to() + " can cut or reject values");
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void report(StatementSite site, FindingSink sink, String what) {
        site.report(sink, RULE, site.first(), null, what + ", which no rollback can bring back; if that is"
                + " intended, add '-- drydock:irreversible <reason>' at the top of "
                + site.script().file().path().getFileName() + " and take a backup before applying it");
    }

    /**
     * Whether the forward script says its data loss is meant. Read from the parsed script: one that was not parsed
     * belongs to a file a pre-commit run does not report on, so its findings are dropped anyway.
     */
    static boolean acknowledged(Analysis analysis, Script forward) {
        return analysis.primary(forward).stream().flatMap(parsed -> parsed.directives().stream())
                .map(SqlComment::body).anyMatch(body -> body.startsWith(DIRECTIVE));
    }
}
