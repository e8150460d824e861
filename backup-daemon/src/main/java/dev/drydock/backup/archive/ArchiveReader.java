package dev.drydock.backup.archive;

import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads a published archive: its manifest, and whether every entry still has the checksum it was written with. */
public final class ArchiveReader implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;

    public ArchiveReader(Path file) throws IOException {
        this.file = file;
        this.zip = new ZipFile(file.toFile());
    }

    public Manifest manifest() throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY_NAME);
        if (entry == null) {
            throw new BadInputException(file + ": no manifest.json; this is not a Drydock archive or it is damaged");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return ArchiveWriter.JSON.readValue(in, Manifest.class);
        }
    }

    /**
     * Re-reads every entry and compares size and SHA-256 with the manifest; also refuses entries that the
     * manifest does not list and entry names that would escape a restore folder. Empty when all is well.
     */
    public List<String> checksumProblems() throws IOException {
        List<String> problems = new ArrayList<>(repeatedEntries());
        Manifest manifest = manifest();
        BackupId.parse(file.getFileName().toString()).ifPresent(stored -> problems.addAll(manifest.problems(stored)));
        if (manifest.entries() == null) {
            return problems;
        }
        Map<String, Manifest.Entry> expected = new LinkedHashMap<>();
        manifest.entries().forEach(entry -> expected.put(entry.path(), entry));
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            if (name.equals(Manifest.ENTRY_NAME)) {
                continue;
            }
            if (escapes(name)) {
                problems.add(name + ": entry name escapes the archive folder");
                continue;
            }
            Manifest.Entry want = expected.remove(name);
            if (want == null) {
                problems.add(name + ": entry is not in the manifest");
                continue;
            }
            MessageDigest digest = ArchiveWriter.sha256();
            long bytes = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    bytes += read;
                }
            } catch (IOException e) {
                problems.add(name + ": cannot be read back (" + e.getMessage() + ")");
                continue;
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (bytes != want.bytes() || !sha256.equals(want.sha256())) {
                problems.add(name + ": sha256 " + sha256 + " (" + bytes + " bytes) where the manifest says "
                        + want.sha256() + " (" + want.bytes() + " bytes)");
            }
        }
        expected.keySet().forEach(missing -> problems.add(missing + ": listed in the manifest but missing"));
        return problems;
    }

    /** A reader takes one of two same-named entries, and which one must not be up to whoever wrote the archive. */
    private List<String> repeatedEntries() {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (!seen.add(entry.getName())) {
                problems.add(entry.getName() + ": the archive holds this entry more than once");
            }
        }
        return problems;
    }

    /** An entry's content; callers check {@link #checksumProblems()} first. */
    public InputStream open(String path) throws IOException {
        if (escapes(path)) {
            throw new BadInputException(file + ": entry " + path + " escapes the archive folder; refusing it");
        }
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            throw new BadInputException(file + ": no entry " + path);
        }
        return zip.getInputStream(entry);
    }

    static boolean escapes(String name) {
        String normalized = name.replace('\\', '/');
        return normalized.startsWith("/") || normalized.contains(":") || List.of(normalized.split("/")).contains("..");
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
