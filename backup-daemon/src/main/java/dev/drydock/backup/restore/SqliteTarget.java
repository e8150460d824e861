package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.verify.ScratchServers;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A SQLite file. The dump is staged as a new file in the same folder, checked there, and renamed over the target
 * in one atomic step, so the target is either the old database or the whole restored one.
 */
record SqliteTarget(Path file) implements RestoreTarget {

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public long tables() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from sqlite_master where type = 'table'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return UNREADABLE; // a damaged file is what a restore is often for; it still needs --force to go
        }
    }

    @Override
    public Rehearsal rehearse(Path dump, Manifest manifest, Path workDir, ScratchServers scratchServers)
            throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " does not exist; create the folder the restored database goes into");
        }
        // the same folder as the target, so that the swap is a rename within one file system
        Path staged = folder.resolve("." + file.getFileName() + ".restoring-" + UUID.randomUUID().toString().substring(0, 8));
        Files.move(dump, staged);
        try {
            return new Rehearsal(dump, ScratchRestore.sqlite(staged, manifest), staged);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
    }

    @Override
    public Path safetyCopy(Path folder, String stamp) throws IOException {
        // beside the database whatever the folder: a hard link there costs nothing
        checkpoint();
        Path copy = file.resolveSibling(file.getFileName() + ".before-restore-" + stamp);
        try {
            // a second name for the same file: instant, and it keeps the old content once the rename replaces the first
            Files.createLink(copy, file);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(file, copy);
        }
        return copy;
    }

    @Override
    public void replace(Rehearsal rehearsal, Path workDir) throws IOException {
        checkpoint();
        Files.move(rehearsal.stagedFile(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // a write-ahead log or journal left by the old database would be replayed onto the new one
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    /**
     * Moves what the old database's write-ahead log holds into the file itself, so a copy of the file is whole. A
     * damaged file cannot be checkpointed; it is copied as it is.
     */
    private void checkpoint() {
        if (!Files.exists(file)) {
            return; // opening it would create it
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // nothing more to save from it than its bytes
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
