package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code INSERT INTO t [(columns)] VALUES (...), ...} or {@code ... SELECT ...} read from its tokens: the table,
 * the columns named (empty when none are), and each VALUES row's expressions. Forms that change what a failed row
 * does ({@code INSERT IGNORE}, SQLite's {@code INSERT OR ...}, MySQL's {@code INSERT ... SET}) are not read.
 *
 * @param rows          the VALUES rows, each a list of expressions; empty for {@code INSERT ... SELECT}
 * @param defaultValues {@code INSERT INTO t DEFAULT VALUES} (PostgreSQL, SQLite): one row of defaults, no column named
 */
record InsertStatement(String table, SqlToken tableToken, List<SqlToken> columns, List<List<List<SqlToken>>> rows,
                       boolean fromQuery, boolean defaultValues) {

    static Optional<InsertStatement> read(List<SqlToken> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("INSERT") || !tokens.get(1).isWord("INTO")) {
            return Optional.empty();
        }
        int at = 2;
        StringBuilder name = new StringBuilder(tokens.get(at).unquoted());
        SqlToken tableToken = tokens.get(at);
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol('.')) {
            name.append('.').append(tokens.get(at + 2).unquoted());
            at += 2;
        }
        at++;
        if (at < tokens.size() && tokens.get(at).isWord("AS")) {
            at += 2;
        }
        List<SqlToken> columns = new ArrayList<>();
        if (at < tokens.size() && tokens.get(at).isSymbol('(')) {
            int close = SqlToken.closingParenthesis(tokens, at);
            if (close < 0) {
                return Optional.empty();
            }
            for (int i = at + 1; i < close; i++) {
                if (!tokens.get(i).isSymbol(',')) {
                    columns.add(tokens.get(i));
                }
            }
            if (columns.size() * 2 - 1 != close - at - 1) {
                return Optional.empty(); // something other than plain column names
            }
            at = close + 1;
        }
        if (at >= tokens.size()) {
            return Optional.empty();
        }
        String table = name.toString().toLowerCase(Locale.ROOT);
        if (tokens.get(at).isWord("SELECT") || tokens.get(at).isWord("WITH")) {
            return Optional.of(new InsertStatement(table, tableToken, columns, List.of(), true, false));
        }
        if (columns.isEmpty() && tokens.get(at).isWord("DEFAULT") && at + 1 < tokens.size()
                && tokens.get(at + 1).isWord("VALUES")) {
            return Optional.of(new InsertStatement(table, tableToken, columns, List.of(), false, true));
        }
        if (!tokens.get(at).isWord("VALUES")) {
            return Optional.empty(); // MySQL's SET form, a parenthesized query
        }
        List<List<List<SqlToken>>> rows = new ArrayList<>();
        at++;
        while (at < tokens.size() && tokens.get(at).isSymbol('(')) {
            int close = SqlToken.closingParenthesis(tokens, at);
            if (close < 0) {
                return Optional.empty();
            }
            rows.add(AlterTableActions.elements(tokens.subList(at + 1, close + 1)));
            at = close + 1;
            if (at < tokens.size() && tokens.get(at).isSymbol(',')) {
                at++;
            } else {
                break;
            }
        }
        return Optional.of(new InsertStatement(table, tableToken, columns, rows, false, false));
    }

}
