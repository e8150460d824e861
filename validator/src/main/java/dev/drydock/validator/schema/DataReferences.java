package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * The tables and columns that INSERT, UPDATE and DELETE name, checked against the replayed schema. Only the
 * target table and the columns written are checked; expressions and subqueries are left alone, since a
 * wrong guess there would be a false alarm.
 */
final class DataReferences {

    private DataReferences() {
    }

    static void check(Replayer replayer, SchemaModel model, String verb, TokenCursor cursor,
                      List<ReplayProblem> problems) {
        if (verb.equals("INSERT") || verb.equals("REPLACE")) {
            while (cursor.accept("IGNORE") || cursor.accept("LOW_PRIORITY") || cursor.accept("DELAYED")
                    || cursor.accept("OR", "REPLACE") || cursor.accept("OR", "IGNORE") || cursor.accept("OR", "ABORT")
                    || cursor.accept("OR", "FAIL") || cursor.accept("OR", "ROLLBACK")) {
                // modifiers
            }
            if (!cursor.accept("INTO")) {
                return;
            }
        } else if (verb.equals("DELETE")) {
            while (cursor.accept("LOW_PRIORITY") || cursor.accept("QUICK") || cursor.accept("IGNORE")) {
                // MySQL's modifiers
            }
            if (!cursor.accept("FROM")) {
                return;
            }
        } else if (verb.equals("UPDATE")) {
            while (cursor.accept("LOW_PRIORITY") || cursor.accept("IGNORE") || cursor.accept("OR", "REPLACE")
                    || cursor.accept("OR", "IGNORE") || cursor.accept("OR", "ABORT") || cursor.accept("OR", "FAIL")
                    || cursor.accept("OR", "ROLLBACK")) {
                // MySQL's and SQLite's modifiers
            }
        }
        cursor.accept("ONLY");
        SqlToken at = cursor.peek();
        String name = replayer.key(cursor.name());
        if (name == null) {
            return;
        }
        Table table = model.table(name);
        if (table == null) {
            if (!model.objects.containsKey("view " + name) && !model.objects.containsKey("materialized view " + name)
                    && !replayer.isInternalTable(name)) {
                Replayer.unknown(problems, true, at, "table " + name);
            }
            return;
        }
        if (!table.columnsKnown()) {
            return; // created by AS SELECT or the like: its columns are not known
        }
        returning(table, cursor.ahead(), problems);
        if (verb.equals("UPDATE")) {
            boolean joined = false;
            while (!cursor.atEnd() && !cursor.isWord("SET")) {
                SqlToken token = cursor.next(); // an alias, or MySQL's other tables
                joined |= token.isWord("JOIN") || token.isSymbol(',');
            }
            if (joined) {
                return; // MySQL's multi-table UPDATE: a SET column may belong to any of the tables
            }
            cursor.accept("SET");
            for (List<SqlToken> assignment : TokenCursor.splitOnCommas(cursor.until("WHERE", "FROM", "RETURNING"))) {
                if (assignment.size() > 1 && TokenCursor.isNamePart(assignment.get(0))
                        && assignment.get(1).isSymbol('=')) {
                    checkColumn(table, assignment.get(0), problems);
                }
            }
        } else if (!verb.equals("DELETE") && cursor.isSymbol('(')) {
            List<SqlToken> columns = cursor.parenthesized();
            if (!columns.isEmpty() && columns.get(0).isWord("SELECT")) {
                return;
            }
            for (List<SqlToken> column : TokenCursor.splitOnCommas(columns)) {
                if (column.size() == 1) {
                    checkColumn(table, column.get(0), problems);
                }
            }
        }
    }

    /**
     * PostgreSQL's and SQLite's {@code RETURNING a, b}: plain names must be the target table's columns, where no
     * FROM, USING or JOIN brings other tables in (Calcite does not read RETURNING, so this is where it is checked).
     */
    private static void returning(Table table, List<SqlToken> tokens, List<ReplayProblem> problems) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth != 0) {
                continue;
            }
            if (token.isWord("FROM") || token.isWord("USING") || token.isWord("JOIN")) {
                return;
            }
            if (token.isWord("RETURNING")) {
                for (List<SqlToken> item : TokenCursor.splitOnCommas(tokens.subList(i + 1, tokens.size()))) {
                    if (item.size() == 1 && item.get(0).type() != SqlToken.Type.STRING
                            && item.get(0).type() != SqlToken.Type.NUMBER) {
                        checkColumn(table, item.get(0), problems);
                    }
                }
                return;
            }
        }
    }

    private static void checkColumn(Table table, SqlToken token, List<ReplayProblem> problems) {
        if (TokenCursor.isNamePart(token) && !table.hasColumn(TokenCursor.unquote(token))) {
            Replayer.unknown(problems, true, token, "column " + TokenCursor.unquote(token) + " of table "
                    + table.name());
        }
    }
}
