package dev.drydock.backup;

import dev.drydock.backup.cli.BackupDaemonCommand;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL dumper fails closed on a client older than the server and on output that is no dump. Both
 * are provoked with a stand-in {@code pg_dump} first on PATH, in a child process, against the real server.
 */
class DumpGuardsTest {

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private Result backupWith(String fakePgDump, ScratchDatabases.Scratch database) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = bin.resolve("pg_dump");
        Files.writeString(tool, "#!/bin/sh\n" + fakePgDump + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  staging: { url: "jdbc:postgresql://127.0.0.1:5432/%s", user: postgres }
                backup:
                  store: "file:./backups"
                """.formatted(database.name()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackupDaemonCommand.class.getName(), "--config", config.toString(),
                "backup", "--env", "staging").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    @Test
    void aPgDumpOlderThanTheServerIsRefusedWithTheFix() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Result result = backupWith("echo 'pg_dump (PostgreSQL) 9.6.24'", database);
            assertEquals(2, result.exit(), result.output());
            assertTrue(result.output().contains("pg_dump (PostgreSQL) 9.6.24 is older than the server (PostgreSQL 15)"),
                    result.output());
            assertTrue(result.output().contains("install postgresql-client-15"), result.output());
            assertEquals(List.of(), new FileStore(dir.resolve("backups")).list());
        }
    }

    @Test
    void outputThatIsNoDumpFailsTheBackup() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table t (id int)");
            }
            Result result = backupWith("if [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 15.20'; else echo 'hello'; fi",
                    database);
            assertEquals(1, result.exit(), result.output());
            assertTrue(result.output().contains("are not a custom-format dump; refusing the backup"), result.output());
            assertEquals(List.of(), new FileStore(dir.resolve("backups")).list());
        }
    }
}
