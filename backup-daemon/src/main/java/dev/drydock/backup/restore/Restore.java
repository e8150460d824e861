package dev.drydock.backup.restore;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Restores a stored backup into a database: checksums first, then the dump. A target that already holds
 * tables is refused unless {@code force}, because a restore on top of live data is how data is lost twice.
 */
public final class Restore {

    private final BackupStore store;
    private final Consumer<String> progress;

    public Restore(BackupStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** Restores {@code id} into {@code targetUrl} and returns the manifest of what was restored. */
    public Manifest into(BackupId id, String targetUrl, String user, String password, boolean force) throws IOException {
        try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
            progress.accept("checking the checksums of " + id);
            List<String> problems = reader.checksumProblems();
            if (!problems.isEmpty()) {
                throw new IOException(id + " is damaged, refusing to restore it: " + String.join("; ", problems));
            }
            Manifest manifest = reader.manifest();
            String entry = manifest.entries().stream().map(Manifest.Entry::path).filter(p -> p.startsWith("dump/"))
                    .findFirst().orElseThrow(() -> new IOException(id + ": the manifest lists no dump"));
            switch (manifest.database().engine()) {
                case "sqlite" -> intoSqlite(reader, entry, sqlitePath(targetUrl), force);
                case "postgresql" -> intoPostgres(reader, entry, PostgresConnection.of(targetUrl, user, password), force);
                case "mariadb" -> intoMariadb(reader, entry, MariadbConnection.of(targetUrl, user, password), force);
                default -> throw new BadInputException(id + ": no restore for engine " + manifest.database().engine() + " yet");
            }
            return manifest;
        }
    }

    private void intoSqlite(ArchiveReader reader, String entry, Path target, boolean force) throws IOException {
        if (!force && hasTables(target)) {
            throw new BadInputException(target + " already holds tables; restore into an empty target or add --force"
                    + " to replace it");
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + ".restoring");
        progress.accept("restoring into " + target);
        try (InputStream in = new ZstdInputStream(reader.open(entry)); OutputStream out = Files.newOutputStream(temporary)) {
            in.transferTo(out);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean hasTables(Path sqlite) throws IOException {
        if (!Files.exists(sqlite) || Files.size(sqlite) == 0) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from sqlite_master where type = 'table'")) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IOException("cannot inspect " + sqlite + ": " + e.getMessage(), e);
        }
    }

    private void intoPostgres(ArchiveReader reader, String entry, PostgresConnection target, boolean force) throws IOException {
        long tables = tablesIn(target, target::open, "select count(*) from pg_tables where schemaname not in"
                + " ('pg_catalog', 'information_schema')", force);
        List<String> arguments = new ArrayList<>(List.of("--no-owner", "--exit-on-error", "--single-transaction",
                "--dbname=" + target.database()));
        if (tables > 0) {
            arguments.addAll(List.of("--clean", "--if-exists"));
        }
        progress.accept("restoring into " + target);
        try (InputStream in = new ZstdInputStream(reader.open(entry))) {
            ExternalTool.find("pg_restore").run(arguments, target.toolEnvironment(), in, OutputStream.nullOutputStream());
        }
    }

    private void intoMariadb(ArchiveReader reader, String entry, MariadbConnection target, boolean force) throws IOException {
        tablesIn(target, target::open, "select count(*) from information_schema.tables where table_schema = database()", force);
        progress.accept("restoring into " + target);
        Path workDir = Files.createTempDirectory("drydock-restore-");
        Path options = target.optionFile(workDir);
        try (InputStream in = new ZstdInputStream(reader.open(entry))) {
            ExternalTool.find("mariadb").run(List.of("--defaults-extra-file=" + options, target.database()),
                    java.util.Map.of(), in, OutputStream.nullOutputStream());
        } finally {
            Files.deleteIfExists(options);
            Files.deleteIfExists(workDir);
        }
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    /** How many tables the target holds; a non-empty target is refused unless {@code force}. */
    private static long tablesIn(Object target, Opener opener, String countSql, boolean force) throws IOException {
        long tables;
        try (Connection connection = opener.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(countSql)) {
            rows.next();
            tables = rows.getLong(1);
        } catch (SQLException e) {
            throw new IOException("cannot reach " + target + ": " + e.getMessage(), e);
        }
        if (tables > 0 && !force) {
            throw new BadInputException(target + " already holds " + tables + " tables; restore into an empty database"
                    + " or add --force to replace the tables the backup contains");
        }
        return tables;
    }

    private static Path sqlitePath(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new BadInputException(url + ": a SQLite backup restores into a jdbc:sqlite: URL");
        }
        return Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "")).toAbsolutePath();
    }
}
