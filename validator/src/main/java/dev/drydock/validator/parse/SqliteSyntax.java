package dev.drydock.validator.parse;

import dev.drydock.shared.sql.LineMap;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.SqlToken;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's own parser as the judge of SQLite and D1 statements: an in-memory database prepares each statement
 * without running it. Preparing parses before it resolves names, so "no such table" is no verdict and only
 * SQLite's syntax messages become problems.
 */
final class SqliteSyntax implements AutoCloseable {

    private static final Pattern NEAR = Pattern.compile("near \"(.*)\": syntax error", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("unrecognized token: \"(.*)\"", Pattern.DOTALL);

    private final Connection connection;

    SqliteSyntax() {
        try {
            this.connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException("sqlite-jdbc could not open an in-memory database: " + e.getMessage(), e);
        }
    }

    /** A token for a message; a string literal is not repeated, since it may hold a secret. */
    private static String quoted(String token) {
        if (token.startsWith("'")) {
            return "a string literal";
        }
        return StatementParser.quotable(token) ? "'" + token + "'" : "a token of " + token.length() + " characters";
    }

    /**
     * SQLite's message when it cannot prepare {@code sql} in this empty database, or null when it can. Besides syntax,
     * that is what SQLite resolves within the statement alone (a CREATE TABLE's CHECK of a column it lacks); a name
     * of another table is "no such table" here, which is no verdict.
     */
    synchronized String refusal(String sql) {
        try (PreparedStatement ignored = connection.prepareStatement(sql)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage() == null ? "" : e.getMessage();
        }
    }

    /** The syntax problem {@code message}, SQLite's refusal of {@code statement}, tells of; empty when none. */
    synchronized Optional<SyntaxProblem> syntaxProblem(SqlStatement statement, String message, LineMap fileLines) {
        Matcher near = NEAR.matcher(message);
        if (near.find()) {
            return Optional.of(StatementParser.at(offending(statement, near.group(1)), fileLines,
                    "syntax error at or near " + quoted(near.group(1)) + " (SQLite's parser)"));
        }
        Matcher unrecognized = UNRECOGNIZED.matcher(message);
        if (unrecognized.find()) {
            int index = Math.max(0, statement.text().indexOf(unrecognized.group(1)));
            return Optional.of(new SyntaxProblem("unrecognized token " + quoted(unrecognized.group(1)) + " (SQLite's parser)",
                    fileLines.position(statement.startOffset() + index),
                    fileLines.position(statement.startOffset() + index + unrecognized.group(1).length())));
        }
        if (message.contains("incomplete input")) {
            return Optional.of(new SyntaxProblem("syntax error: the statement ends too early (SQLite's parser:"
                    + " incomplete input)", statement.end(), statement.end()));
        }
        return Optional.empty();
    }

    /** SQLite's message, or null when the statement prepares (or fails only on names, not syntax). */
    private String prepare(String sql) {
        String message = refusal(sql);
        return message != null && (message.contains("syntax error") || message.contains("unrecognized token")
                || message.contains("incomplete input")) ? message : null;
    }

    /**
     * SQLite names the offending token but not where it is: the right occurrence is the first one at which
     * the statement cut just after it fails the same way (an earlier occurrence only leaves the input incomplete).
     */
    private SqlToken offending(SqlStatement statement, String near) {
        List<SqlToken> tokens = statement.tokens();
        String text = statement.text();
        SqlToken first = null;
        for (SqlToken token : tokens) {
            if (!token.text().equals(near)) {
                continue;
            }
            if (first == null) {
                first = token;
            }
            String message = prepare(text.substring(0, token.end() - statement.startOffset()));
            if (message != null && message.contains("near \"" + near + "\"")) {
                return token;
            }
        }
        return first != null ? first : tokens.get(tokens.size() - 1);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // an in-memory database has nothing to lose on close
        }
    }
}
