package dev.drydock.backup;

import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.ArchiveWriter;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.store.FileStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Archives that a bug or an attacker could have written: well-formed, checksums correct, content wrong. */
public final class CraftedArchive {

    private CraftedArchive() {
    }

    /**
     * Rewrites a stored archive with another dump, its checksums correct, as a crafted or buggy archive would be;
     * {@code claimedContentBytes} replaces the size the manifest records for the dump when not null.
     */
    public static void replaceDump(FileStore store, BackupId id, byte[] dump, Long claimedContentBytes) throws IOException {
        Path archive = store.fetch(id);
        Manifest original;
        try (ArchiveReader reader = new ArchiveReader(archive)) {
            original = reader.manifest();
        }
        String entry = original.entries().get(0).path();
        Path crafted = archive.resolveSibling("crafted.zip");
        try (ArchiveWriter writer = new ArchiveWriter(crafted)) {
            try (OutputStream out = writer.compressedEntry(entry)) {
                out.write(dump);
            }
            List<Manifest.Entry> entries = writer.entries().stream().map(e -> claimedContentBytes == null ? e
                    : new Manifest.Entry(e.path(), e.bytes(), e.sha256(), claimedContentBytes)).toList();
            writer.finish(new Manifest(original.format(), original.id(), original.environment(), original.database(),
                    original.startedAt(), original.finishedAt(), original.tool(), original.migrationState(),
                    original.schemaFingerprint(), original.tables(), entries, original.d1()));
        }
        Files.move(crafted, archive, StandardCopyOption.REPLACE_EXISTING);
    }

}
