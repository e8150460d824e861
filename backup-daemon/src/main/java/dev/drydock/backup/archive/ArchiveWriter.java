package dev.drydock.backup.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.luben.zstd.ZstdOutputStream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an archive to a not-yet-published file (mode 0600): entries are hashed while they are written, the
 * manifest goes last, and {@link #finish} forces everything to disk before the store may publish the file.
 * A dump goes in through {@link #compressedEntry}, which compresses it with zstd and records its size before and
 * after, so the zip itself stores entries without deflating them again.
 */
public final class ArchiveWriter implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ZipOutputStream zip;
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private boolean finished;

    public ArchiveWriter(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        this.zip = new ZipOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE));
        this.zip.setLevel(Deflater.NO_COMPRESSION);
    }

    /** An entry to write into; close the stream to finish the entry. */
    public OutputStream entry(String path) throws IOException {
        return stored(path, null);
    }

    /**
     * An entry whose content is compressed with zstd on its way in; the manifest records the content's size, so
     * that a restore can refuse an entry that decompresses to more than was written (a crafted or damaged one).
     */
    public OutputStream compressedEntry(String path) throws IOException {
        long[] contentBytes = new long[1];
        OutputStream stored = stored(path, () -> contentBytes[0]);
        ZstdOutputStream compressed = new ZstdOutputStream(stored, 3);
        compressed.setWorkers(Runtime.getRuntime().availableProcessors());
        return new FilterOutputStream(compressed) {
            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                contentBytes[0] += length;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                contentBytes[0]++;
            }
        };
    }

    private OutputStream stored(String path, LongSupplier contentBytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest digest = sha256();
        return new FilterOutputStream(new DigestOutputStream(zip, digest)) {
            private long bytes;

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                bytes += length;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytes++;
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
                entries.add(new Manifest.Entry(path, bytes, HexFormat.of().formatHex(digest.digest()),
                        contentBytes == null ? null : contentBytes.getAsLong()));
            }
        };
    }

    /** The entries written so far, for the manifest. */
    public List<Manifest.Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the manifest as the last entry and forces the archive to disk. */
    public void finish(Manifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY_NAME));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        finished = true;
    }

    /** Closing an unfinished writer deletes the partial file: nothing half-written is left to be listed. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                zip.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
