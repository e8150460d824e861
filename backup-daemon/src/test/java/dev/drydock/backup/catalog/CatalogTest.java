package dev.drydock.backup.catalog;

import dev.drydock.backup.BackupRun;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.ChecksumVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One bad entry in a store is listed as damaged, with why, and every other backup reads as before. */
class CatalogTest {

    @TempDir
    Path dir;

    @Test
    void damagedEntriesAreListedWithTheirReasonAndTheRestStaysReadable() throws Exception {
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId good = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(SqliteFixture.create(dir, 5)));
        Path folder = dir.resolve("backups");
        archive(folder, "backup-dev-2026-01-01-000000", "{}");
        archive(folder, "backup-dev-2026-01-02-000000", manifest("backup-dev-2026-01-02-000000", "dev", 1, "yesterday"));
        archive(folder, "backup-dev-2026-01-03-000000", manifest("backup-dev-2026-01-03-000000", "dev", 99, "2026-01-03T00:00:00Z"));
        archive(folder, "backup-dev-2026-01-04-000000", manifest("backup-prod-2026-01-04-000000", "prod", 1, "2026-01-04T00:00:00Z"));
        Files.createDirectories(folder.resolve("backup-dev-2026-01-05-000000.zip"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("backup-dev-2026-01-06-000000.zip").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        Map<String, Catalog.Entry> entries = new Catalog(store).entries(Optional.empty()).stream()
                .collect(Collectors.toMap(entry -> entry.id().value(), Function.identity()));
        assertEquals(7, entries.size());
        assertEquals("unverified", entries.get(good.value()).status());
        assertTrue(entries.get(good.value()).manifest().isPresent());
        Map<String, String> expected = Map.of(
                "backup-dev-2026-01-01-000000", "no valid format",
                "backup-dev-2026-01-02-000000", "'yesterday' is not an ISO-8601 instant",
                "backup-dev-2026-01-03-000000", "manifest format 99 is newer than this Drydock reads",
                "backup-dev-2026-01-04-000000", "names backup backup-prod-2026-01-04-000000 but the archive is stored as",
                "backup-dev-2026-01-05-000000", "not a regular file",
                "backup-dev-2026-01-06-000000", "not a regular file");
        expected.forEach((id, why) -> {
            Catalog.Entry entry = entries.get(id);
            assertEquals("damaged", entry.status(), id);
            assertTrue(entry.damage().orElse("").contains(why), id + ": " + entry.damage());
        });
        List<Map<String, Object>> rows = CatalogRows.of(new Catalog(store).entries(Optional.empty()));
        assertEquals(7, rows.size(), "the JSON rows of a store with damaged entries are made without failing");
    }

    @Test
    void aSecondManifestInAnArchiveFailsItsVerification() throws Exception {
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(SqliteFixture.create(dir, 5)));
        Path archive = store.fetch(id);
        Path copy = dir.resolve("copy.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(copy));
             java.util.zip.ZipFile original = new java.util.zip.ZipFile(archive.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(original.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                original.getInputStream(entry).transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.jsoX")); // renamed below: the JDK refuses to write a duplicate
            original.getInputStream(original.getEntry("manifest.json")).transferTo(zip);
            zip.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(copy);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("manifest.jsoX", "manifest.json");
        Files.write(archive, text.getBytes(StandardCharsets.ISO_8859_1));

        Verification verification = new ChecksumVerifier(store, Clock.systemUTC()).verify(id);
        assertFalse(verification.passed());
        assertTrue(verification.problems().toString().contains("manifest.json: the archive holds this entry more than once"),
                verification.problems().toString());
    }

    private static String manifest(String id, String environment, int format, String startedAt) {
        return """
                {"format": %d, "id": "%s", "environment": "%s", "database": {"engine": "sqlite", "name": "app"},
                 "startedAt": "%s", "finishedAt": "2026-01-01T00:00:01Z", "tool": {"dumper": "x"},
                 "migrationState": {"table": null, "applied": []}, "schemaFingerprint": "sha256:0", "tables": {},
                 "entries": [{"path": "dump/app.sqlite.zst", "bytes": 3, "sha256": "0"}]}
                """.formatted(format, id, environment, startedAt);
    }

    private static void archive(Path folder, String id, String manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve(id + ".zip")); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("dump/app.sqlite.zst"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
