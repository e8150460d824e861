package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;

/**
 * The tables a runner creates before it runs the first migration, so a migration may use them: harness's
 * {@code 0000_alter_table_migrations} adds a primary key to maragudk/migrate's {@code migrations}. Flyway's table is
 * there whatever the layout ({@code migrations.history: flyway} keeps it for every one); the golang-migrate naming
 * is run by golang-migrate ({@code schema_migrations}) and by maragudk/migrate ({@code migrations}), so both are.
 * A table seeded here that the team's runner does not create hides an unknown-object error: a miss, which costs
 * less than an error the database would not raise.
 */
public final class RunnerTables {

    private static final String FLYWAY = "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY,"
            + " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
            + " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
            + " installed_on TIMESTAMP NOT NULL, execution_time INT NOT NULL, success BOOLEAN NOT NULL);";

    private RunnerTables() {
    }

    /** The runner's tables of {@code layout}, as CREATE TABLE statements. */
    static String ddl(String layout, Dialect dialect) {
        return FLYWAY + switch (layout) {
            case "golang-migrate" -> "CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY,"
                    + " dirty BOOLEAN NOT NULL); CREATE TABLE migrations (version VARCHAR(255) NOT NULL);";
            case "dbmate" -> "CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY);";
            case "diesel" -> "CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL,"
                    + " run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);";
            case "wrangler" -> "CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY, name TEXT UNIQUE,"
                    + " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);";
            case "drizzle" -> (dialect == Dialect.POSTGRESQL ? "CREATE SCHEMA drizzle; CREATE TABLE drizzle." : "CREATE TABLE ")
                    + "__drizzle_migrations (id INT PRIMARY KEY, hash TEXT NOT NULL, created_at BIGINT);";
            case "liquibase" -> "CREATE TABLE databasechangelog (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL,"
                    + " filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP NOT NULL, orderexecuted INT NOT NULL,"
                    + " exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255),"
                    + " comments VARCHAR(255), tag VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255),"
                    + " labels VARCHAR(255), deployment_id VARCHAR(10)); CREATE TABLE databasechangeloglock"
                    + " (id INT NOT NULL PRIMARY KEY, locked BOOLEAN NOT NULL, lockgranted TIMESTAMP,"
                    + " lockedby VARCHAR(255));";
            default -> "";
        };
    }

    /** Puts the runner's tables into the model the replay starts from. */
    public static void seed(SchemaModel schema, Replayer replayer, Dialect dialect, String layout) {
        Dialect lexing = dialect == Dialect.D1 ? Dialect.SQLITE : dialect;
        for (SqlStatement statement : new SqlSplitter(lexing).split(ddl(layout, dialect)).statements()) {
            replayer.apply(schema, statement.tokens());
        }
    }
}
