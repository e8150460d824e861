package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.CreateIndex;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code unknown-object} for what SQLite itself refuses in a CREATE TABLE or CREATE INDEX: a CHECK, generated
 * column, key, index expression or index WHERE that names a column the table does not declare ("no such column"),
 * and a STRICT table's column of a type SQLite does not know ("unknown datatype"); {@code syntax-error} for what it
 * refuses of the statement alone (a foreign key whose column lists differ in length, AUTOINCREMENT off an INTEGER
 * PRIMARY KEY, a DEFAULT that is not constant). SQLite resolves these while it
 * prepares the statement. A CREATE TABLE needs nothing but itself for that, so the empty in-memory database that
 * judged its syntax judged this too ({@code ParsedStatement.sqliteRefusal}); a CREATE INDEX is prepared beside a
 * scratch table with the model's columns. Not a table made from a query ({@code AS SELECT}), whose names are those
 * of other tables, nor {@code IF NOT EXISTS} of a table there is, which SQLite skips unread.
 */
final class SqliteRefusedTable implements StatementRules {

    /** sqlite-jdbc wraps SQLite's message: {@code [SQLITE_ERROR] SQL error or missing database (no such column: b)}. */
    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("no such column: (?:\"([^\"]+)\"|([^\\s)]+))");
    private static final Pattern UNKNOWN_DATATYPE = Pattern.compile("unknown datatype for [^:]+\\.([^.:]+): \"(.*)\"");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.SQLITE && site.dialect() != Dialect.D1) {
            return;
        }
        if (site.typed() instanceof CreateIndex index) {
            checkIndex(site, sink, index);
            return;
        }
        if (!site.kind().equals("CREATE TABLE") || TopLevel.indexOfWord(site.tokens(), "AS") >= 0) {
            return;
        }
        String table = site.object();
        if (table != null && site.schema().table(table) != null && TopLevel.indexOfWord(site.tokens(), "EXISTS") >= 0) {
            return; // IF NOT EXISTS of a table there is: SQLite skips the rest of the statement
        }
        String message = site.statement().sqliteRefusal().orElse(null);
        if (message == null) {
            return;
        }
        Matcher column = NO_SUCH_COLUMN.matcher(message);
        Matcher datatype = UNKNOWN_DATATYPE.matcher(message);
        if (column.find()) {
            String name = column.group(1) != null ? column.group(1) : column.group(2);
            SqlToken at = firstName(site.tokens(), name);
            if (at != null) {
                site.report(sink, UnknownObject.RULE, at, null, "column " + name + " does not exist in"
                        + " this table, and the statement names it (SQLite: no such column); check the name, or"
                        + " declare the column");
            }
        } else if (RefusedAlone.of(message) != null) {
            RefusedAlone refused = RefusedAlone.of(message);
            SqlToken at = site.tokens().stream().filter(token -> token.isWord(refused.word())).findFirst()
                    .orElse(site.tokens().get(0));
            site.report(sink, SyntaxError.RULE, at, null, "SQLite refuses this CREATE TABLE: " + message
                    .replaceFirst("^\\[SQLITE_ERROR\\] SQL error or missing database \\((.*)\\)$", "$1")
                    + "; " + refused.fix());
        } else if (datatype.find()) {
            SqlToken at = typeAfter(site.tokens(), datatype.group(1));
            if (at != null) {
                site.report(sink, UnknownObject.RULE, at, null, "a STRICT table's column may only be INT, INTEGER,"
                        + " REAL, TEXT, BLOB or ANY, and " + datatype.group(1) + " is " + datatype.group(2)
                        + " (SQLite: unknown datatype); use one of those, or drop STRICT");
            }
        }
    }

    /**
     * A message SQLite gives of a CREATE TABLE alone, whatever the database holds, with the word it is about and
     * the fix. Any other message is left alone: a name, a collation or a module SQLite may know elsewhere, or a
     * second primary key, which the replay reports as duplicate-object.
     */
    private record RefusedAlone(String text, String word, String fix) {

        private static final List<RefusedAlone> KNOWN = List.of(
                new RefusedAlone("number of columns in foreign key does not match", "REFERENCES",
                        "name as many columns on each side"),
                new RefusedAlone("should reference only one column of table", "REFERENCES",
                        "a column's REFERENCES names one column; write a table FOREIGN KEY for more"),
                new RefusedAlone("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY", "AUTOINCREMENT",
                        "declare the column INTEGER PRIMARY KEY, or drop AUTOINCREMENT"),
                new RefusedAlone("is not constant", "DEFAULT",
                        "a DEFAULT may not name a column; write a constant or a parenthesized expression of constants"),
                new RefusedAlone("generated columns cannot be part of the PRIMARY KEY", "PRIMARY",
                        "take the generated column out of the primary key"),
                new RefusedAlone("object name reserved for internal use", "TABLE",
                        "names starting with sqlite_ are SQLite's own; rename the table"),
                new RefusedAlone("PRIMARY KEY missing on table", "WITHOUT",
                        "a WITHOUT ROWID table needs a PRIMARY KEY"),
                new RefusedAlone("must have at least one non-generated column", "TABLE",
                        "declare a column that is not generated"));

        static RefusedAlone of(String message) {
            return KNOWN.stream().filter(known -> message.contains(known.text())).findFirst().orElse(null);
        }
    }

    /**
     * A CREATE INDEX whose expression or WHERE names a column its table lacks: SQLite resolves them when it
     * prepares the statement, against a table made here with the columns the model knows. Not an index on a table
     * whose columns the model does not all know, nor one an earlier statement made uncertain, nor IF NOT EXISTS of an
     * index there is.
     */
    private static void checkIndex(StatementSite site, FindingSink sink, CreateIndex index) {
        String key = index.table() == null ? null : site.names().key(index.table().toLowerCase(Locale.ROOT));
        Table table = key == null ? null : site.schema().table(key);
        boolean expression = site.tokens().stream().filter(token -> token.isSymbol('(')).count() > 1
                || TopLevel.indexOfWord(site.tokens(), "WHERE") >= 0;
        if (table == null || !table.columnsKnown() || !expression || site.state().uncertain.mentions(key)
                || index.name() != null && TopLevel.indexOfWord(site.tokens(), "EXISTS") >= 0
                && site.schema().indexes().containsKey(site.names().key(index.name().toLowerCase(Locale.ROOT)))) {
            return; // IF NOT EXISTS of an index there is: SQLite skips the rest of the statement
        }
        String bare = key.substring(key.lastIndexOf('.') + 1);
        String scratch = "CREATE TABLE " + quoted(bare) + " (" + table.columns().keySet().stream()
                .map(SqliteRefusedTable::quoted).collect(Collectors.joining(", ")) + ")";
        String message = refusal(site.statement().source().text(), scratch);
        Matcher column = message == null ? null : NO_SUCH_COLUMN.matcher(message);
        if (column != null && column.find()) {
            String name = column.group(1) != null ? column.group(1) : column.group(2);
            SqlToken at = firstName(site.tokens(), name);
            if (at != null) {
                site.report(sink, UnknownObject.RULE, at, null, "column " + name + " of table " + key + " does not"
                        + " exist at this point of the migrations, and the index names it (SQLite: no such column);"
                        + " check the name, or add the column first");
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * SQLite's message when it cannot prepare {@code sql} in an in-memory database that holds only what
     * {@code setup} makes, or null when it can.
     */
    private static String refusal(String sql, String setup) {
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (java.sql.Statement make = scratch.createStatement()) {
                make.execute(setup);
            }
            try (PreparedStatement ignored = scratch.prepareStatement(sql)) {
                return null;
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** The first token that writes {@code name} as a name (not a function's). */
    private static SqlToken firstName(List<SqlToken> tokens, String name) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean named = token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
            if (named && token.unquoted().equalsIgnoreCase(name)
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('('))) {
                return token;
            }
        }
        return null;
    }

    /** The first token of the type declared for {@code column}. */
    private static SqlToken typeAfter(List<SqlToken> tokens, String column) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean startsElement = tokens.get(i - 1).isSymbol('(') || tokens.get(i - 1).isSymbol(',');
            if ((token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER)
                    && token.unquoted().equalsIgnoreCase(column) && startsElement) {
                return tokens.get(i + 1);
            }
        }
        return null;
    }
}
