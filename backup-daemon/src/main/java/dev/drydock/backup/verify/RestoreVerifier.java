package dev.drydock.backup.verify;

import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.restore.DumpContent;
import dev.drydock.backup.restore.RestoreCheck;
import dev.drydock.backup.restore.ScratchRestore;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code restore} level: checksums first, then a restore into a scratch database that this verifier
 * creates and always drops (a temporary file for SQLite; a database on the job's scratch server for PostgreSQL and MariaDB),
 * then the restored schema fingerprint, table list and row counts compared with the manifest.
 */
public final class RestoreVerifier {

    public static final String LEVEL = "restore";

    private final BackupStore store;
    private final Clock clock;
    private final ScratchServers scratchServers;

    public RestoreVerifier(BackupStore store, Clock clock, ScratchServers scratchServers) {
        this.store = store;
        this.clock = clock;
        this.scratchServers = scratchServers;
    }

    public Verification verify(BackupId id) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
            problems.addAll(reader.checksumProblems());
            compared.add("size and sha256 of every entry");
            if (problems.isEmpty()) {
                Manifest manifest = reader.manifest();
                DumpResult restored = restore(reader, manifest);
                compared.add("schema fingerprint");
                compared.add(manifest.tables().size() + " tables and their row counts");
                problems.addAll(RestoreCheck.differences(manifest, restored));
            }
        } catch (IOException e) {
            problems.add("the restore failed: " + e.getMessage());
        }
        Verification verification = new Verification(LEVEL, problems.isEmpty(), clock.instant().toString(), compared, problems);
        store.writeVerification(id, verification);
        return verification;
    }

    private DumpResult restore(ArchiveReader reader, Manifest manifest) throws IOException {
        Path workDir = Files.createTempDirectory("drydock-verify-");
        Path dump = workDir.resolve("dump");
        try {
            DumpContent.extract(reader, manifest, dump);
            return switch (manifest.database().engine()) {
                case "sqlite" -> ScratchRestore.sqlite(dump, manifest);
                case "d1" -> ScratchRestore.d1(dump, manifest);
                case "postgresql" -> ScratchRestore.postgres(scratchServers.postgres().orElseThrow(() -> new BadInputException(
                        "a restore verification of a PostgreSQL backup needs a server for its scratch database: set"
                                + " verifyUrl in the backup job")), dump, manifest);
                case "mariadb" -> ScratchRestore.mariadb(scratchServers.mariadb().orElseThrow(() -> new BadInputException(
                        "a restore verification of a MariaDB backup needs a server for its scratch database: set"
                                + " verifyUrl in the backup job")), dump, manifest);
                default -> throw new IOException("no restore for engine " + manifest.database().engine() + " yet");
            };
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(workDir);
        }
    }
}
