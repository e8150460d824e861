package dev.drydock.backup.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveReaderTest {

    @TempDir
    Path dir;

    @Test
    void entriesThatEscapeTheFolderAreRefused() throws Exception {
        Path archive = dir.resolve("evil.zip");
        Manifest manifest = new Manifest(1, "backup-x-2026-11-22-020000", "x", new Manifest.Database("sqlite", "3", "x"),
                "a", "b", new Manifest.Tool("t"), new Manifest.MigrationState(null, List.of()), "sha256:0", Map.of(), List.of(), null);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("../../etc/cron.d/evil"));
            zip.write("boom".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY_NAME));
            zip.write(ArchiveWriter.JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        try (ArchiveReader reader = new ArchiveReader(archive)) {
            assertEquals(List.of("../../etc/cron.d/evil: entry name escapes the archive folder"), reader.checksumProblems());
            assertThrows(dev.drydock.shared.BadInputException.class, () -> reader.open("../../etc/cron.d/evil"));
        }
        assertTrue(ArchiveReader.escapes("/abs"));
        assertTrue(ArchiveReader.escapes("a/../../b"));
        assertFalse(ArchiveReader.escapes("dump/app.sqlite.zst"));
    }

    @Test
    void anUnfinishedWriterDeletesItsFile() throws Exception {
        Path partial = dir.resolve(".x.partial");
        try (ArchiveWriter writer = new ArchiveWriter(partial)) {
            try (OutputStream entry = writer.entry("dump/a")) {
                entry.write(new byte[1000]);
            }
            assertTrue(Files.exists(partial));
        }
        assertFalse(Files.exists(partial));
    }
}
