package dev.drydock.backup.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of archives ({@code file:} stores). Partial archives are hidden files in the same folder, so
 * publishing is a rename on one file system, and the folder is synced after it so the rename survives a crash.
 */
public record FileStore(Path dir) implements BackupStore {

    private static final String PARTIAL = ".partial";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Path partialFile(BackupId id) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve("." + id.archiveName() + PARTIAL);
    }

    @Override
    public void publish(Path partialFile, BackupId id) throws IOException {
        Path archive = dir.resolve(id.archiveName());
        if (Files.exists(archive)) { // a rename would silently replace it
            Files.deleteIfExists(partialFile);
            throw new FileAlreadyExistsException(archive.toString(), null, "a backup with this id is already published");
        }
        Files.move(partialFile, archive, StandardCopyOption.ATOMIC_MOVE);
        syncFolder();
    }

    @Override
    public List<BackupId> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("backup-") && name.endsWith(".zip"))
                    .flatMap(name -> BackupId.parse(name).stream())
                    .sorted(Comparator.comparing(BackupId::startedAt).thenComparing(BackupId::environment))
                    .toList();
        }
    }

    @Override
    public Path fetch(BackupId id) throws IOException {
        Path archive = dir.resolve(id.archiveName());
        if (Files.exists(archive) && !Files.isRegularFile(archive)) {
            // opening a pipe would wait forever; a folder is no archive
            throw new IOException(archive + " is not a regular file");
        }
        if (!Files.isRegularFile(archive)) {
            throw new BadInputException(id + ": no such backup in " + describe() + "; 'backup-daemon list' shows them");
        }
        return archive;
    }

    @Override
    public long size(BackupId id) throws IOException {
        return Files.size(fetch(id));
    }

    @Override
    public Manifest manifest(BackupId id) throws IOException {
        try (ArchiveReader reader = new ArchiveReader(fetch(id))) {
            return reader.manifest();
        }
    }

    @Override
    public void writeVerification(BackupId id, Verification verification) throws IOException {
        Path target = dir.resolve(id.value() + Verification.SUFFIX);
        Path temporary = dir.resolve("." + id.value() + Verification.SUFFIX + PARTIAL);
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temporary, JSON.writeValueAsBytes(verification), StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
    }

    @Override
    public Optional<Verification> verification(BackupId id) throws IOException {
        try {
            return Optional.of(JSON.readValue(dir.resolve(id.value() + Verification.SUFFIX).toFile(), Verification.class));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(BackupId id) throws IOException {
        Files.deleteIfExists(dir.resolve(id.archiveName()));
        Files.deleteIfExists(dir.resolve(id.value() + Verification.SUFFIX));
        syncFolder();
    }

    @Override
    public List<String> removeAbandoned() throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) {
                Files.deleteIfExists(path);
                removed.add(path.getFileName().toString());
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "file:" + dir;
    }

    private void syncFolder() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
