package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables and columns that INSERT, UPDATE and DELETE name, checked against the replayed schema. Only the
 * target table, the columns written, RETURNING's and an ON CONFLICT target are checked; expressions and subqueries
 * are left alone here (Calcite reads them), since a wrong guess would be a false alarm.
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
                    if (refusesAtOnce(replayer.dialect())
                            && (assignment.size() != 3 || !assignment.get(2).isWord("DEFAULT"))) {
                        generatedWritten(table, assignment.get(0), assignment.get(0), problems);
                    }
                }
            }
        } else if (!verb.equals("DELETE") && cursor.isSymbol('(')) {
            List<SqlToken> columns = cursor.parenthesized();
            if (!columns.isEmpty() && columns.get(0).isWord("SELECT")) {
                return;
            }
            List<List<SqlToken>> listed = TokenCursor.splitOnCommas(columns);
            for (List<SqlToken> column : listed) {
                if (column.size() == 1) {
                    checkColumn(table, column.get(0), problems);
                }
            }
            valuesForGenerated(replayer.dialect(), table, listed, cursor.ahead(), problems);
        }
        if (!verb.equals("UPDATE") && !verb.equals("DELETE") && replayer.dialect() != Dialect.MYSQL
                && replayer.dialect() != Dialect.MARIADB) {
            conflictTarget(model, table, cursor.rest(), problems);
        }
    }

    /**
     * PostgreSQL's and SQLite's {@code ON CONFLICT (a, b)}: each column must be the table's, and, without a WHERE,
     * a primary key, unique constraint or unique index without WHERE must have just those columns (PostgreSQL: "there
     * is no unique or exclusion constraint matching the ON CONFLICT specification"; SQLite: "ON CONFLICT clause does
     * not match any PRIMARY KEY or UNIQUE constraint"). PostgreSQL's {@code ON CONFLICT ON CONSTRAINT c} needs the
     * constraint. Not judged: a target with an expression, collation or operator class, nor a table with an
     * exclusion constraint; an index on an expression counts as one on the columns it names.
     */
    private static void conflictTarget(SchemaModel model, Table table, List<SqlToken> tokens,
                                       List<ReplayProblem> problems) {
        int on = -1;
        int depth = 0;
        for (int i = 0; i + 1 < tokens.size() && on < 0; i++) {
            depth += tokens.get(i).nesting();
            if (depth == 0 && tokens.get(i).isWord("ON") && tokens.get(i + 1).isWord("CONFLICT")) {
                on = i;
            }
        }
        if (on < 0 || table.constraints().values().stream().anyMatch(c -> c.kind() == Constraint.Kind.EXCLUDE)) {
            return;
        }
        TokenCursor cursor = new TokenCursor(tokens, on + 2);
        if (cursor.accept("ON", "CONSTRAINT")) {
            SqlToken at = cursor.peek();
            String name = cursor.name();
            Constraint constraint = name == null ? null : table.constraints().get(name);
            boolean arbiter = constraint != null && constraint.kind() != Constraint.Kind.CHECK
                    && constraint.kind() != Constraint.Kind.FOREIGN_KEY;
            if (name != null && !arbiter && !model.indexes.containsKey(name)) {
                Replayer.unknown(problems, true, at, "constraint " + name + " of table " + table.name());
            }
            return;
        }
        if (!cursor.isSymbol('(')) {
            return;
        }
        List<SqlToken> target = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.splitOnCommas(cursor.parenthesized())) {
            if (element.size() != 1 || !TokenCursor.isNamePart(element.get(0))) {
                return;
            }
            target.add(element.get(0));
        }
        for (SqlToken column : target) {
            if (!table.hasColumn(TokenCursor.unquote(column))) {
                checkColumn(table, column, problems);
                return;
            }
        }
        if (target.isEmpty() || cursor.isWord("WHERE")) {
            return; // a partial index may be the arbiter
        }
        Set<String> wanted = target.stream().map(TokenCursor::unquote).collect(Collectors.toSet());
        boolean key = table.constraints().values().stream().anyMatch(c -> (c.kind() == Constraint.Kind.PRIMARY_KEY
                || c.kind() == Constraint.Kind.UNIQUE) && Set.copyOf(c.columns()).equals(wanted));
        boolean index = model.indexesOn(table.name()).stream().map(model.indexes::get).anyMatch(candidate ->
                candidate != null && candidate.unique() && !candidate.definition().contains(" where ")
                        && Set.copyOf(candidate.columns()).equals(wanted));
        if (!key && !index) {
            Replayer.unknown(problems, true, target.get(0), "unique index or constraint on " + table.name() + " ("
                    + String.join(", ", target.stream().map(TokenCursor::unquote).toList()) + "), which ON CONFLICT"
                    + " needs,");
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

    /**
     * An INSERT's value for a generated column other than DEFAULT, which PostgreSQL ("cannot insert a non-DEFAULT
     * value into column") and SQLite ("cannot INSERT into generated column") refuse before any row, and MySQL (error
     * 3105) for each row: each VALUES row is looked at, and on PostgreSQL and SQLite a query too. Not MariaDB, which
     * only warns outside strict mode (1906), nor an identity column, which {@code OVERRIDING SYSTEM VALUE} or BY
     * DEFAULT may let through.
     */
    private static void valuesForGenerated(Dialect dialect, Table table, List<List<SqlToken>> listed,
                                           List<SqlToken> rest, List<ReplayProblem> problems) {
        if (dialect == Dialect.MARIADB) {
            return;
        }
        TokenCursor cursor = new TokenCursor(rest);
        boolean values = cursor.accept("VALUES") || cursor.accept("VALUE");
        boolean query = !values && refusesAtOnce(dialect)
                && (cursor.isWord("SELECT") || cursor.isWord("WITH") || cursor.isSymbol('('));
        if (!values && !query) {
            return;
        }
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).size() != 1) {
                return;
            }
        }
        List<List<SqlToken>> rows = new ArrayList<>();
        while (values && cursor.isSymbol('(')) {
            rows.add(cursor.parenthesized());
            if (!cursor.acceptSymbol(',')) {
                break;
            }
        }
        for (int i = 0; i < listed.size(); i++) {
            SqlToken column = listed.get(i).get(0);
            if (query) {
                generatedWritten(table, column, column, problems);
                continue;
            }
            for (List<SqlToken> row : rows) {
                List<List<SqlToken>> items = TokenCursor.splitOnCommas(row);
                if (i < items.size() && !items.get(i).isEmpty()
                        && !(items.get(i).size() == 1 && items.get(i).get(0).isWord("DEFAULT"))) {
                    generatedWritten(table, column, items.get(i).get(0), problems);
                    break;
                }
            }
        }
    }

    /**
     * Whether the database refuses a write into a generated column when it reads the statement, rows or none
     * (PostgreSQL, SQLite), rather than row by row (MySQL, MariaDB: an UPDATE of an empty table passes).
     */
    private static boolean refusesAtOnce(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLITE || dialect == Dialect.D1;
    }

    /** Reports a value written into {@code column} when it is a generated column (not an identity). */
    private static void generatedWritten(Table table, SqlToken column, SqlToken at, List<ReplayProblem> problems) {
        Column generated = table.columns().get(TokenCursor.unquote(column));
        if (generated != null && generated.defaultValue() != null && generated.defaultValue().startsWith("generated ")) {
            Replayer.refusedDeclaration(problems, at, "column " + generated.name() + " of table " + table.name(),
                    "column " + generated.name() + " of table " + table.name() + " is a generated column: the"
                            + " database computes it and refuses a value written into it; leave it out, or write"
                            + " DEFAULT");
        }
    }

    private static void checkColumn(Table table, SqlToken token, List<ReplayProblem> problems) {
        if (TokenCursor.isNamePart(token) && !table.hasColumn(TokenCursor.unquote(token))) {
            Replayer.unknown(problems, true, token, "column " + TokenCursor.unquote(token) + " of table "
                    + table.name());
        }
    }
}
