package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.LiquibaseChangelog;
import dev.drydock.shared.migration.Migration;

import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.SourceFile;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Liquibase's {@code DATABASECHANGELOG}: a row per changeset run, identified as Liquibase identifies it, by
 * {@code ID}, {@code AUTHOR} and {@code FILENAME}. {@code MD5SUM} is written NULL, which Liquibase reads as "compute
 * and store it" on its next update (what {@code liquibase clear-checksums} leaves): its checksum algorithm changes
 * between Liquibase versions (7, 8, 9), and a wrong one would stop Liquibase with a validation failure.
 *
 * @param dir        the migrations folder; a changelog's {@code FILENAME} is its path there ({@code changelog.sql}),
 *                   and a row whose {@code FILENAME} ends with {@code /changelog.sql} (Liquibase run from a parent
 *                   folder) is the same changelog's
 * @param changesets each migration's changeset (its attributes), by migration id; empty where only rows are read
 */
public record LiquibaseHistory(DatabaseEngine engine, Path dir, Map<String, LiquibaseChangelog.Changeset> changesets)
        implements RunnerHistory {

    static final String TABLE = "DATABASECHANGELOG";

    /** The history of {@code set}'s changelogs, each parsed once for the changesets' attributes. */
    static LiquibaseHistory of(DatabaseEngine engine, MigrationSet set) {
        Map<Path, Map<String, LiquibaseChangelog.Changeset>> byFile = new HashMap<>();
        Map<String, LiquibaseChangelog.Changeset> changesets = new HashMap<>();
        for (Migration migration : set.migrations()) {
            SourceFile file = migration.forward().file();
            Map<String, LiquibaseChangelog.Changeset> byName = byFile.computeIfAbsent(file.path(), path -> {
                Map<String, LiquibaseChangelog.Changeset> named = new HashMap<>();
                LiquibaseChangelog.parse(file.text()).changesets().forEach(c -> named.put(c.author() + ":" + c.id(), c));
                return named;
            });
            LiquibaseChangelog.Changeset changeset = byName.get(migration.description());
            if (changeset != null) {
                changesets.put(migration.id(), changeset);
            }
        }
        return new LiquibaseHistory(engine, set.dir(), changesets);
    }

    /** The table alone, for reading its rows where the changelogs are not at hand (a backup). */
    static LiquibaseHistory table(DatabaseEngine engine) {
        return new LiquibaseHistory(engine, null, Map.of());
    }

    @Override
    public String runner() {
        return "liquibase";
    }

    /** Liquibase creates it in lower case on PostgreSQL, in upper case elsewhere. */
    @Override
    public String table() {
        return engine == DatabaseEngine.POSTGRESQL ? TABLE.toLowerCase(java.util.Locale.ROOT) : TABLE;
    }

    /** Liquibase's own name of a changeset: {@code FILENAME::ID::AUTHOR}. */
    @Override
    public String key(Migration migration) {
        return fileName(migration) + "::" + id(migration) + "::" + author(migration);
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!Tables.exists(connection, table())) {
            return rows;
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT FILENAME, ID, AUTHOR, DATEEXECUTED FROM " + table() + " ORDER BY ORDEREXECUTED")) {
            while (result.next()) {
                rows.add(new Row(result.getString(1) + "::" + result.getString(2) + "::" + result.getString(3),
                        result.getString(4), false));
            }
        }
        return rows;
    }

    @Override
    public boolean isRowOf(Row row, Migration migration) {
        String suffix = "::" + id(migration) + "::" + author(migration);
        if (!row.version().endsWith(suffix)) {
            return false;
        }
        String file = row.version().substring(0, row.version().length() - suffix.length());
        return file.equals(fileName(migration)) || file.endsWith("/" + fileName(migration));
    }

    @Override
    public void createTable(Connection connection) throws SQLException {
        String timestamp = engine == DatabaseEngine.MARIADB ? "DATETIME" : "TIMESTAMP";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table() + " (ID VARCHAR(255) NOT NULL, AUTHOR"
                    + " VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED " + timestamp + " NOT NULL,"
                    + " ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35),"
                    + " DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20),"
                    + " CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))");
        }
    }

    @Override
    public void recordApplied(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet max = statement.executeQuery(
                "SELECT COALESCE(MAX(ORDEREXECUTED), 0) + 1 FROM " + table())) {
            max.next();
            insert(connection, migration, max.getInt(1));
        }
    }

    /** Liquibase goes on past a changeset marked {@code failOnError:false} that fails, and does not record it. */
    @Override
    public boolean continuesAfterFailure(Migration migration) {
        return changeset(migration).map(changeset -> !changeset.flag("failOnError")).orElse(false);
    }

    /**
     * Changesets whose running depends on what Drydock does not model: run again on every update or change
     * ({@code runAlways}, {@code runOnChange}), or only for some contexts, labels or databases.
     */
    @Override
    public Optional<String> cannotApply(Migration migration) {
        return changeset(migration).flatMap(changeset -> UNSUPPORTED.stream()
                .filter(name -> changeset.attribute(name).isPresent()).findFirst()
                .map(name -> "changeset " + migration.description() + " has " + name + ":"
                        + changeset.attribute(name).get() + ", which Drydock does not honour; apply it with Liquibase,"
                        + " or remove the attribute"));
    }

    private static final List<String> UNSUPPORTED = List.of("runAlways", "runOnChange", "context", "contextFilter",
            "labels", "dbms");

    private Optional<LiquibaseChangelog.Changeset> changeset(Migration migration) {
        return Optional.ofNullable(changesets.get(migration.id()));
    }

    @Override
    public void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table()
                + " WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?")) {
            delete.setString(1, id(migration));
            delete.setString(2, author(migration));
            delete.setString(3, recordedFileName(connection, migration));
            delete.executeUpdate();
        }
    }

    private void insert(Connection connection, Migration migration, int order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table() + " (ID, AUTHOR,"
                + " FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, LIQUIBASE,"
                + " DEPLOYMENT_ID) VALUES (?, ?, ?, ?, ?, 'EXECUTED', NULL, 'sql', '', 'drydock', ?)")) {
            insert.setString(1, id(migration));
            insert.setString(2, author(migration));
            insert.setString(3, recordedFileName(connection, migration));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setInt(5, order);
            insert.setString(6, String.valueOf(System.currentTimeMillis() % 10_000_000_000L));
            insert.executeUpdate();
        }
    }

    /** The form of FILENAME this changelog's rows already have (Liquibase run from elsewhere), else its own. */
    private String recordedFileName(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT FILENAME FROM " + table()
                + " WHERE FILENAME = ? OR FILENAME LIKE ? ORDER BY ORDEREXECUTED")) {
            select.setString(1, fileName(migration));
            select.setString(2, "%/" + fileName(migration));
            try (ResultSet names = select.executeQuery()) {
                return names.next() ? names.getString(1) : fileName(migration);
            }
        }
    }

    private String fileName(Migration migration) {
        return dir.toAbsolutePath().normalize().relativize(migration.forward().file().path().toAbsolutePath()
                .normalize()).toString().replace('\\', '/');
    }

    private static String author(Migration migration) {
        return migration.description().substring(0, migration.description().indexOf(':'));
    }

    private static String id(Migration migration) {
        return migration.description().substring(migration.description().indexOf(':') + 1);
    }
}
