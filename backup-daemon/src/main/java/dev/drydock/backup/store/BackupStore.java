package dev.drydock.backup.store;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where archives live. An archive is written to {@link #partialFile} and becomes visible only through
 * {@link #publish}, all at once; {@link #list} never shows a partial one. The catalog reads the store alone,
 * so a migrator on another machine sees the same backups.
 */
public sealed interface BackupStore permits FileStore, S3Store {

    /** Where the archive of {@code id} is written before it is published. */
    Path partialFile(BackupId id) throws IOException;

    /** Makes a finished archive visible under its id, atomically. */
    void publish(Path partialFile, BackupId id) throws IOException;

    /** Published archives, oldest first. */
    List<BackupId> list() throws IOException;

    /** A local file holding the archive. */
    Path fetch(BackupId id) throws IOException;

    long size(BackupId id) throws IOException;

    /** The manifest of a published archive, read without fetching the whole archive where the store allows it. */
    Manifest manifest(BackupId id) throws IOException;

    void writeVerification(BackupId id, Verification verification) throws IOException;

    Optional<Verification> verification(BackupId id) throws IOException;

    /** Deletes a published archive and its verification record. */
    void delete(BackupId id) throws IOException;

    /** Removes partial archives a crashed run left behind; returns what was removed. */
    List<String> removeAbandoned() throws IOException;

    /** A human-readable location, without credentials. */
    String describe();
}
