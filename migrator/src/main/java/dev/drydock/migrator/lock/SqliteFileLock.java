package dev.drydock.migrator.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One migrator at a time on a SQLite database: an OS file lock on {@code <database>.drydock-lock}, which the
 * operating system releases when the process dies, so a killed migrator never leaves it held. (On PostgreSQL and
 * MariaDB Flyway's own database lock does this job.)
 */
public final class SqliteFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock for the database of a {@code jdbc:sqlite:} URL; for other URLs (Flyway locks those) and in-memory
     * databases, a lock that holds nothing.
     */
    public static AutoCloseable acquire(String jdbcUrl, Duration timeout, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return () -> { };
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return () -> { };
        }
        Path lockFile = Path.of(file + ".drydock-lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock != null) {
                return new SqliteFileLock(channel, lock);
            }
            if (System.nanoTime() > deadline) {
                channel.close();
                throw new LockTimeout("another migrator has held " + lockFile + " for more than " + timeout.toSeconds()
                        + " s; nothing was changed. Wait for it to finish (or raise --lock-timeout)");
            }
            if (!told) {
                progress.accept("waiting for another migrator on " + file + " (up to " + timeout.toSeconds() + " s)");
                told = true;
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
