package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.migration.Script;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** A fresh database a rehearsal runs scripts on and reads the schema of; closing it removes it. */
public sealed interface RehearsalDatabase extends AutoCloseable permits JdbcRehearsalDatabase, LocalD1Database {

    /** Runs {@code script}; returns what the database refused, each with its place and message (empty: all ran). */
    List<String> run(Script script);

    SchemaSnapshot snapshot() throws IOException, SQLException;

    @Override
    void close() throws IOException, SQLException;
}
