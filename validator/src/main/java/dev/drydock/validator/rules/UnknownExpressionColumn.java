package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AddColumn;
import dev.drydock.validator.statement.AddConstraint;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AlterColumn;
import dev.drydock.validator.statement.AlterTable;
import dev.drydock.validator.statement.ColumnReference;
import dev.drydock.validator.statement.ColumnSpec;
import dev.drydock.validator.statement.CreateIndex;
import dev.drydock.validator.statement.CreatePolicy;
import dev.drydock.validator.statement.CreateTable;
import dev.drydock.validator.statement.CreateTrigger;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code unknown-object} for a column that a PostgreSQL CHECK, generated column, index expression, index WHERE,
 * {@code ALTER COLUMN ... USING}, trigger ({@code UPDATE OF}, {@code WHEN}) or policy names and that its table does
 * not have: PostgreSQL refuses the statement ("column does not exist"). The columns are the grammar's column
 * references, so a function, type or keyword is never taken for one. A CREATE TABLE is judged by the columns it
 * declares, an ALTER TABLE by the table's columns and those the statement adds, the others by their table's
 * columns; not a table whose columns the model does not all know.
 */
final class UnknownExpressionColumn implements StatementRules {

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        if (site.typed() instanceof CreateTable create && !create.expressionColumns().isEmpty()) {
            Set<String> declared = new HashSet<>();
            create.columns().stream().map(ColumnSpec::name).map(UnknownExpressionColumn::folded).forEach(declared::add);
            report(site, sink, create.expressionColumns(), declared, site.names().key(folded(create.table())));
        } else if (site.typed() instanceof AlterTable alter) {
            String name = site.names().key(folded(alter.table()));
            Set<String> columns = knownColumns(site, name);
            if (columns == null) {
                return;
            }
            for (AlterAction action : alter.actions()) {
                if (action instanceof AddColumn added) {
                    columns.add(folded(added.column().name())); // PostgreSQL adds columns before constraints
                }
            }
            for (AlterAction action : alter.actions()) {
                if (action instanceof AddConstraint constraint) {
                    report(site, sink, constraint.checked(), columns, name);
                } else if (action instanceof AddColumn added) {
                    report(site, sink, added.expressionColumns(), columns, name);
                } else if (action instanceof AlterColumn changed) {
                    report(site, sink, changed.expressionColumns(), columns, name);
                }
            }
        } else if (site.typed() instanceof CreateIndex index && !index.expressionColumns().isEmpty()) {
            reportOn(site, sink, index.table(), index.expressionColumns());
        } else if (site.typed() instanceof CreateTrigger trigger) {
            reportOn(site, sink, trigger.table(), trigger.columns());
        } else if (site.typed() instanceof CreatePolicy policy) {
            reportOn(site, sink, policy.table(), policy.columns());
        }
    }

    /** Reports the first of {@code named} that the table, as the model knows it before the statement, lacks. */
    private static void reportOn(StatementSite site, FindingSink sink, String table, List<ColumnReference> named) {
        if (named.isEmpty()) {
            return;
        }
        String name = site.names().key(folded(table));
        Set<String> columns = knownColumns(site, name);
        if (columns != null) {
            report(site, sink, named, columns, name);
        }
    }

    /** The table's columns, or null when the model does not know them all or an earlier statement made it uncertain. */
    private static Set<String> knownColumns(StatementSite site, String name) {
        Table table = site.schema().table(name);
        if (table == null || !table.columnsKnown() || site.state().uncertain.mentions(name)) {
            return null;
        }
        return new HashSet<>(table.columns().keySet());
    }

    private static void report(StatementSite site, FindingSink sink, List<ColumnReference> named,
                               Set<String> columns, String table) {
        for (ColumnReference reference : named) {
            String column = folded(reference.name());
            if (!columns.contains(column) && !column.equals("tableoid")) {
                site.report(sink, UnknownObject.RULE, reference.at(), null, "column " + column + " of table " + table
                        + " does not exist at this point of the migrations, and " + reference.namedBy()
                        + " names it; check the name, or add the column first");
                return; // PostgreSQL stops at the first
            }
        }
    }

    /** The model keys names in lower case, quoted or not. */
    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
