package dev.drydock.migrator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A migrator test class run once per database: its subclasses are {@code @ParameterizedClass} over "sqlite",
 * "postgresql" and "mariadb", and each test gets a project folder and a fresh, empty database of that dialect.
 */
abstract class PerDatabaseTest {

    @TempDir
    Path project;

    final String dialect;
    TargetDatabase database;
    private final String sqliteFile;

    /** @param sqliteFile the SQLite database's file name inside the project folder */
    PerDatabaseTest(String dialect, String sqliteFile) {
        this.dialect = dialect;
        this.sqliteFile = sqliteFile;
    }

    @BeforeEach
    void createDatabase() {
        database = TargetDatabase.create(dialect, project, sqliteFile);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }
}
