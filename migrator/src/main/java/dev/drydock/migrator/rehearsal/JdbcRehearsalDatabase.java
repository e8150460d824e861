package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A scratch database reached over JDBC (a SQLite file, a PostgreSQL or MariaDB database), one statement at a time. */
public final class JdbcRehearsalDatabase implements RehearsalDatabase {

    private final ScratchDatabase database;
    private final Connection connection;
    private final Dialect dialect;

    private JdbcRehearsalDatabase(ScratchDatabase database, Connection connection, Dialect dialect) {
        this.database = database;
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Connects to {@code database}; it is dropped when this is closed (or when connecting fails). */
    public static JdbcRehearsalDatabase open(ScratchDatabase database) throws IOException, SQLException {
        try {
            return new JdbcRehearsalDatabase(database, database.connect(), database.dialect());
        } catch (SQLException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public List<String> run(Script script) {
        List<String> failures = new ArrayList<>();
        for (SqlStatement statement : script.statements(dialect)) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                failures.add(script.displayPath() + ":" + statement.start().line() + ": " + e.getMessage()
                        .lines().findFirst().orElse(""));
            }
        }
        return failures;
    }

    @Override
    public SchemaSnapshot snapshot() throws SQLException {
        return SchemaSnapshot.of(connection, dialect);
    }

    /** Closing twice is harmless (the drop says IF EXISTS). */
    @Override
    public void close() throws IOException, SQLException {
        try {
            connection.close();
        } finally {
            database.close();
        }
    }
}
