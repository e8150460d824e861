package dev.drydock.backup.verify;

import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.store.BackupStore;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipException;

/**
 * The {@code checksum} level: re-reads the stored archive and checks every entry's size and SHA-256 against the
 * manifest. The result is recorded beside the archive, where the catalog finds it; a failure is never
 * recorded as verified.
 */
public final class ChecksumVerifier {

    public static final String LEVEL = "checksum";

    private final BackupStore store;
    private final Clock clock;

    public ChecksumVerifier(BackupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Verification verify(BackupId id) throws IOException {
        List<String> problems;
        int entries = 0;
        try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
            problems = reader.checksumProblems();
            entries = reader.manifest().entries() == null ? 0 : reader.manifest().entries().size();
        } catch (ZipException e) {
            problems = List.of("the archive is not a readable zip file (" + e.getMessage() + ")");
        }
        Verification verification = new Verification(LEVEL, problems.isEmpty(), clock.instant().toString(),
                List.of(entries + " entries: size and sha256 against manifest.json"), problems);
        store.writeVerification(id, verification);
        return verification;
    }
}
