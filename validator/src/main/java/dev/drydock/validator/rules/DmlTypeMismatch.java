package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code dml-type-mismatch}: a string literal written into a numeric (or, on PostgreSQL, boolean) column that the
 * database cannot read as one: {@code INSERT INTO t (n) VALUES ('abc')}. A string it can read ('42') is fine, as
 * PostgreSQL and MySQL convert it. SQLite's type affinity stores anything anywhere, so it is never reported there.
 */
final class DmlTypeMismatch implements StatementRules {

    static final Rule RULE = Rule.of("dml-type-mismatch", Severity.ERROR, "schema",
            "a value that cannot be converted to its column's type",
            "The database refuses the statement (PostgreSQL: 'invalid input syntax for type integer'; MySQL in strict"
                    + " mode: 'Incorrect integer value') and the migration stops there. Write a value of the column's"
                    + " type, or change the column first.")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "UPDATE users SET age = 'unknown' WHERE id = 1;",
                    "UPDATE users SET age = NULL WHERE id = 1;");

    private static final Pattern INTEGER_TYPE = Pattern.compile("(tiny|small|medium|big)?int(eger|2|4|8)?\\b.*");
    private static final Pattern DECIMAL_TYPE = Pattern.compile("(numeric|decimal|real|double|float).*");
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*"
            + "|\\s*(?i:[+-]?(nan|infinity|inf))\\s*");
    /** What PostgreSQL's boolean input accepts, prefixes included. */
    private static final Pattern BOOLEAN = Pattern.compile("\\s*(?i:t|tr|tru|true|f|fa|fal|fals|false|y|ye|yes|n|no"
            + "|on|of|off|1|0)\\s*");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        Dialect dialect = site.dialect();
        if (dialect != Dialect.POSTGRESQL && !dialect.isMySqlFamily()) {
            return;
        }
        if (site.kind().equals("INSERT")) {
            InsertStatement insert = InsertStatement.read(site.tokens()).orElse(null);
            Table table = insert == null ? null : site.schema().table(site.names().key(insert.table()));
            if (table == null || !table.columnsKnown() || insert.columns().isEmpty()) {
                return;
            }
            for (List<List<SqlToken>> row : insert.rows()) {
                for (int i = 0; i < Math.min(row.size(), insert.columns().size()); i++) {
                    Column column = table.columns().get(insert.columns().get(i).unquoted().toLowerCase(Locale.ROOT));
                    if (check(site, sink, table, column, row.get(i))) {
                        return;
                    }
                }
            }
        } else if (site.kind().equals("UPDATE")) {
            Table table = site.object() == null ? null : site.schema().table(site.object());
            int set = site.indexOfWord("SET");
            if (table == null || !table.columnsKnown() || set < 0) {
                return;
            }
            List<SqlToken> tokens = site.tokens();
            for (List<SqlToken> assignment : AlterTableActions.elements(tokens.subList(set + 1, endOfSet(tokens, set)))) {
                if (assignment.size() > 2 && assignment.get(1).isSymbol('=')) {
                    Column column = table.columns().get(assignment.get(0).unquoted().toLowerCase(Locale.ROOT));
                    if (check(site, sink, table, column, assignment.subList(2, assignment.size()))) {
                        return;
                    }
                }
            }
        }
    }

    private static int endOfSet(List<SqlToken> tokens, int set) {
        int depth = 0;
        for (int i = set + 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth == 0 && (token.isWord("WHERE") || token.isWord("FROM") || token.isWord("RETURNING")
                    || token.isWord("ORDER") || token.isWord("LIMIT"))) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Reports and returns true when {@code value} is a lone string literal {@code column}'s type cannot read. */
    private static boolean check(StatementSite site, FindingSink sink, Table table, Column column, List<SqlToken> value) {
        if (column == null || value.size() != 1 || value.get(0).type() != SqlToken.Type.STRING
                || !value.get(0).text().startsWith("'")) {
            return false;
        }
        String text = value.get(0).text();
        String content = text.substring(1, text.length() - 1).replace("''", "'");
        String type = column.type().toLowerCase(Locale.ROOT);
        String expected;
        if (INTEGER_TYPE.matcher(type).matches() && !(site.dialect().isMySqlFamily() && DECIMAL.matcher(content).matches())) {
            expected = INTEGER.matcher(content).matches() ? null : "an integer";
        } else if (DECIMAL_TYPE.matcher(type).matches()) {
            expected = DECIMAL.matcher(content).matches() ? null : "a number";
        } else if (site.dialect() == Dialect.POSTGRESQL && Set.of("boolean", "bool").contains(type)) {
            expected = BOOLEAN.matcher(content).matches() ? null : "true or false";
        } else {
            expected = null;
        }
        if (expected == null) {
            return false;
        }
        site.report(sink, RULE, value.get(0), null, "a string that is not " + expected + " written into " + table.name()
                + "." + column.name() + " (" + column.type() + "): the database refuses it; write " + expected);
        return true;
    }
}
