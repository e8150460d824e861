package dev.drydock.validator.parse;

import dev.drydock.shared.sql.LineMap;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code INSERT ... (a, b) VALUES (1, 2), (3)}: rows of different lengths, or a row whose length is not the column
 * list's. Every database refuses it before it looks at a table (PostgreSQL with SQLSTATE 42601, as a syntax error;
 * MySQL and MariaDB with error 1136; SQLite when it prepares the statement), and no grammar library here sees it.
 * Only what the statement itself shows is compared: a row against a table's columns needs the schema.
 */
final class InsertArity {

    private InsertArity() {
    }

    static Optional<SyntaxProblem> check(List<SqlToken> tokens, LineMap lines) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("INSERT") && !tokens.get(0).isWord("REPLACE")) {
            return Optional.empty();
        }
        int values = TopLevel.indexOfWord(tokens, "VALUES");
        if (values < 1 || tokens.get(values - 1).isWord("DEFAULT")) {
            return Optional.empty();
        }
        int columns = -1;
        if (tokens.get(values - 1).isSymbol(')')) {
            int open = openingOf(tokens, values - 1);
            boolean partitions = open > 0 && tokens.get(open - 1).isWord("PARTITION"); // MySQL's PARTITION (p0)
            columns = partitions ? -1 : elements(tokens, open, values - 1);
        }
        List<SqlToken> rowStarts = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int i = values + 1;
        while (i < tokens.size()) {
            if (tokens.get(i).isWord("ROW")) {
                i++; // MySQL 8's VALUES ROW(1, 2), ROW(3, 4)
            }
            if (i >= tokens.size() || !tokens.get(i).isSymbol('(')) {
                break;
            }
            int close = closingOf(tokens, i);
            if (close < 0) {
                return Optional.empty(); // unbalanced: another check reports it
            }
            if (close > i + 1) { // MySQL's VALUES () fills every column with its default
                rowStarts.add(tokens.get(i));
                lengths.add(elements(tokens, i, close));
            }
            i = close + 1;
            if (i >= tokens.size() || !tokens.get(i).isSymbol(',')) {
                break;
            }
            i++;
        }
        for (int row = 0; row < lengths.size(); row++) {
            if (row > 0 && !lengths.get(row).equals(lengths.get(0))) {
                return Optional.of(StatementParser.at(rowStarts.get(row), lines, "VALUES lists must all be the same"
                        + " length: this row has " + lengths.get(row) + " values, the first has " + lengths.get(0)));
            }
            if (columns > 0 && lengths.get(row) != columns) {
                return Optional.of(StatementParser.at(rowStarts.get(row), lines, "INSERT has " + columns
                        + " target columns and " + lengths.get(row) + " values in this row; give each column a value"
                        + " (or DEFAULT)"));
            }
        }
        return Optional.empty();
    }


    /** How many comma-separated elements stand between the parentheses at {@code open} and {@code close}. */
    private static int elements(List<SqlToken> tokens, int open, int close) {
        int depth = 0;
        int count = 1;
        for (int i = open + 1; i < close; i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth == 0 && token.isSymbol(',')) {
                count++;
            }
        }
        return count;
    }

    private static int closingOf(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).nesting();
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int openingOf(List<SqlToken> tokens, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            depth -= tokens.get(i).nesting();
            if (depth == 0) {
                return i;
            }
        }
        return 0;
    }
}
