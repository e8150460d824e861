package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.Constraint;
import dev.drydock.validator.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * {@code not-null-violation}: an INSERT ... VALUES (or an INSERT ... DEFAULT VALUES) that leaves out a NOT NULL column
 * without a default, or writes NULL into one; without a column list the values fill the first columns by position,
 * on PostgreSQL and SQLite.
 * Silent where something else may fill the column: a trigger on the table, SQLite's primary key (a rowid alias, or
 * a key SQLite lets be NULL), MySQL's timestamps (filled in when explicit_defaults_for_timestamp is off).
 */
final class NotNullViolation implements StatementRules {

    static final Rule RULE = Rule.of("not-null-violation", Severity.ERROR, "schema",
            "an INSERT that leaves out a NOT NULL column without a default, or writes NULL into one",
            "The database refuses the row (PostgreSQL: 'null value in column violates not-null constraint'; MySQL in"
                    + " strict mode: 'Field doesn't have a default value'; SQLite: 'NOT NULL constraint failed'), and"
                    + " the migration stops there. Give the column a value, or the column a DEFAULT first.")
            .example(Dialect.POSTGRESQL, "INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.com');",
                    "DELETE FROM users WHERE email = 'ann@example.com';");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (!site.kind().equals("INSERT")) {
            return;
        }
        InsertStatement insert = InsertStatement.read(site.tokens()).orElse(null);
        Table table = insert == null ? null : site.schema().table(site.names().key(insert.table()));
        if (table == null || !table.columnsKnown() || site.schema().hasTrigger(table.name())) {
            return;
        }
        List<String> named = insert.columns().stream().map(t -> t.unquoted().toLowerCase(Locale.ROOT)).toList();
        if (insert.fromQuery()) {
            return; // a query may yield no row at all, and then nothing is refused
        }
        if (named.isEmpty() && !insert.defaultValues()) {
            named = byPosition(site.dialect(), table, insert.rows());
            if (named.isEmpty()) {
                return;
            }
        }
        for (Column column : table.columns().values()) {
            if (!column.notNull() || column.defaultValue() != null || filledOtherwise(site.dialect(), table, column)) {
                continue;
            }
            if (!named.contains(column.name())) {
                site.report(sink, RULE, insert.tableToken(), null, "this INSERT leaves out " + table.name() + "."
                        + column.name() + ", which is NOT NULL and has no default, so the database refuses the row;"
                        + " give it a value, or give the column a DEFAULT first");
                return;
            }
            int position = named.indexOf(column.name());
            for (List<List<SqlToken>> row : insert.rows()) {
                if (position < row.size() && row.get(position).size() == 1 && row.get(position).get(0).isWord("NULL")) {
                    site.report(sink, RULE, row.get(position).get(0), null, "NULL into " + table.name() + "."
                            + column.name() + ", which is NOT NULL: the database refuses the row; give it a value");
                    return;
                }
            }
        }
    }

    /**
     * The columns a VALUES list without a column list fills: the table's first ones, in its order, as many as every
     * row has values (on SQLite, every column). Only where the model knows that order as the database does (PostgreSQL and SQLite, whose
     * ADD COLUMN appends; MySQL's AFTER and FIRST put a column anywhere); empty when rows differ in length or
     * outnumber the columns (that is another error).
     */
    private static List<String> byPosition(Dialect dialect, Table table, List<List<List<SqlToken>>> rows) {
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB || rows.isEmpty()) {
            return List.of();
        }
        int values = rows.get(0).size();
        List<String> columns = List.copyOf(table.columns().keySet());
        // SQLite refuses a row shorter than the table outright ("table has 3 columns but 1 values were supplied")
        boolean sqlite = dialect == Dialect.SQLITE || dialect == Dialect.D1;
        if (values == 0 || values > columns.size() || sqlite && values != columns.size()
                || rows.stream().anyMatch(row -> row.size() != values)) {
            return List.of();
        }
        return columns.subList(0, values);
    }

    private static boolean filledOtherwise(Dialect dialect, Table table, Column column) {
        return switch (dialect) {
            case SQLITE, D1 -> table.constraints().values().stream().anyMatch(constraint ->
                    constraint.kind() == Constraint.Kind.PRIMARY_KEY && constraint.columns().contains(column.name()));
            case MYSQL, MARIADB -> column.type().startsWith("timestamp");
            default -> false;
        };
    }
}
