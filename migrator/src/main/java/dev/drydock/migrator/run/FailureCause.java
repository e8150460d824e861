package dev.drydock.migrator.run;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database itself said when a migration failed, taken from the exception Flyway wraps it in: the
 * driver's message (PostgreSQL's includes the position) and the line of the script Flyway names.
 */
public final class FailureCause {

    private static final Pattern LINE = Pattern.compile("(?m)^Line\\s*:\\s*(\\d+)\\s*$");

    private FailureCause() {
    }

    /** The database's own message and the script line where Flyway names one, else the exception's first line. */
    public static String describe(Throwable failure) {
        Optional<SQLException> database = sqlException(failure);
        if (database.isEmpty()) {
            return firstLine(failure.getMessage());
        }
        String message = database.get().getMessage() == null ? database.get().toString()
                : database.get().getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
        Matcher line = LINE.matcher(String.valueOf(failure.getMessage()));
        return (line.find() ? "line " + line.group(1) + ": " : "") + message;
    }

    /** Whether the connection to the database went away (network, server shut down, session terminated). */
    public static boolean connectionLost(Throwable failure) {
        return sqlException(failure).map(SQLException::getSQLState)
                .filter(state -> state.startsWith("08") || state.startsWith("57P") || state.equals("70100")).isPresent();
    }

    /** The deepest SQLException in the chain: the one the driver raised. */
    static Optional<SQLException> sqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                found = sql;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
