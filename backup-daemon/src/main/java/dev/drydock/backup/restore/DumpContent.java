package dev.drydock.backup.restore;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.Manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dump of an archive, decompressed into a file. The manifest records how many bytes the dump had, so a
 * crafted or damaged entry that decompresses to more (a zstd bomb) is cut off there instead of filling the disk.
 */
public final class DumpContent {

    private DumpContent() {
    }

    /** The manifest's dump entry ({@code dump/…}). */
    public static Manifest.Entry entry(Manifest manifest) throws IOException {
        return manifest.entries().stream().filter(entry -> entry.path().startsWith("dump/")).findFirst()
                .orElseThrow(() -> new IOException("the manifest lists no dump entry"));
    }

    /** Decompresses the dump into {@code file}; on any failure the file is deleted. */
    public static void extract(ArchiveReader reader, Manifest manifest, Path file) throws IOException {
        Manifest.Entry entry = entry(manifest);
        long limit = entry.contentBytes() == null ? Long.MAX_VALUE : entry.contentBytes();
        boolean done = false;
        try (InputStream in = new ZstdInputStream(reader.open(entry.path())); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            for (int read = read(in, buffer, entry); read >= 0; read = read(in, buffer, entry)) {
                written += read;
                if (written > limit) {
                    throw new IOException(entry.path() + " decompresses to more than the " + limit + " bytes its"
                            + " manifest records; the archive is damaged or crafted");
                }
                out.write(buffer, 0, read);
            }
            if (entry.contentBytes() != null && written < limit) {
                throw new IOException(entry.path() + " decompresses to " + written + " bytes where its manifest"
                        + " records " + limit + "; the archive is damaged");
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static int read(InputStream in, byte[] buffer, Manifest.Entry entry) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new IOException(entry.path() + " does not decompress: " + e.getMessage(), e);
        }
    }
}
