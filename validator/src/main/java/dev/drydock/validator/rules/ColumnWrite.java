package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value a data statement writes into a column the replay knows: each expression of an {@code INSERT ... VALUES}
 * row under its named column, each {@code SET column = expression} of an UPDATE.
 */
record ColumnWrite(Table table, Column column, List<SqlToken> value) {

    /** The writes of the statement at {@code site}, in order; none for other statements or unknown tables. */
    static List<ColumnWrite> of(StatementSite site) {
        List<ColumnWrite> writes = new ArrayList<>();
        if (site.kind().equals("INSERT")) {
            InsertStatement insert = InsertStatement.read(site.tokens()).orElse(null);
            Table table = insert == null ? null : site.schema().table(site.names().key(insert.table()));
            if (table == null || !table.columnsKnown() || insert.columns().isEmpty()) {
                return writes;
            }
            for (List<List<SqlToken>> row : insert.rows()) {
                for (int i = 0; i < Math.min(row.size(), insert.columns().size()); i++) {
                    Column column = table.columns().get(insert.columns().get(i).unquoted().toLowerCase(Locale.ROOT));
                    if (column != null) {
                        writes.add(new ColumnWrite(table, column, row.get(i)));
                    }
                }
            }
        } else if (site.kind().equals("UPDATE")) {
            Table table = site.object() == null ? null : site.schema().table(site.object());
            int set = site.indexOfWord("SET");
            if (table == null || !table.columnsKnown() || set < 0) {
                return writes;
            }
            List<SqlToken> tokens = site.tokens();
            for (List<SqlToken> assignment : AlterTableActions.elements(tokens.subList(set + 1, endOfSet(tokens, set)))) {
                if (assignment.size() > 2 && assignment.get(1).isSymbol('=')) {
                    Column column = table.columns().get(assignment.get(0).unquoted().toLowerCase(Locale.ROOT));
                    if (column != null) {
                        writes.add(new ColumnWrite(table, column, assignment.subList(2, assignment.size())));
                    }
                }
            }
        }
        return writes;
    }

    /** The value when it is one string literal ({@code 'text'}), else null. */
    String literal() {
        return value.size() == 1 ? value.get(0).stringValue() : null;
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
}
