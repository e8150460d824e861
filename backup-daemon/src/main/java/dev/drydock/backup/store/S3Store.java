package dev.drydock.backup.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An S3 bucket and prefix ({@code s3://bucket/prefix} stores). An archive is written locally, then uploaded as
 * a multipart upload that is completed last, so the object appears whole or not at all; its size is read back
 * before the backup counts as published. A crash mid-upload leaves only an incomplete upload, which
 * {@link #removeAbandoned} aborts.
 */
public record S3Store(S3Client client, String bucket, String prefix, Path localDir, String sse, String storageClass)
        implements BackupStore {

    private static final long PART_SIZE = 16L * 1024 * 1024;
    private static final String MANIFEST_SUFFIX = ".manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Path partialFile(BackupId id) throws IOException {
        Files.createDirectories(localDir);
        return localDir.resolve("." + id.archiveName() + ".partial");
    }

    @Override
    public void publish(Path partialFile, BackupId id) throws IOException {
        String key = key(id.archiveName());
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
        if (sse != null) {
            create.serverSideEncryption(ServerSideEncryption.fromValue(sse));
        }
        if (storageClass != null) {
            create.storageClass(StorageClass.fromValue(storageClass));
        }
        byte[] manifest;
        try (ArchiveReader reader = new ArchiveReader(partialFile)) {
            manifest = JSON.writeValueAsBytes(reader.manifest());
        }
        try {
            upload(partialFile, id, key, create.build(), manifest);
        } finally {
            // whether or not the upload got as far as being created, the local copy has served its turn
            Files.deleteIfExists(partialFile);
        }
    }

    private void upload(Path partialFile, BackupId id, String key, CreateMultipartUploadRequest create, byte[] manifest)
            throws IOException {
        String uploadId = call(() -> client.createMultipartUpload(create).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = Files.size(partialFile);
            try (InputStream in = Files.newInputStream(partialFile)) {
                int number = 1;
                for (long offset = 0; offset < size || number == 1; offset += PART_SIZE, number++) {
                    byte[] part = in.readNBytes((int) Math.min(PART_SIZE, size - offset));
                    int partNumber = number;
                    UploadPartResponse response = call(() -> client.uploadPart(b -> b.bucket(bucket).key(key)
                            .uploadId(uploadId).partNumber(partNumber), RequestBody.fromBytes(part)));
                    parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build());
                }
            }
            call(() -> client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())));
            long stored = call(() -> client.headObject(b -> b.bucket(bucket).key(key)).contentLength());
            if (stored != size) {
                call(() -> client.deleteObject(b -> b.bucket(bucket).key(key)));
                throw new IOException(describe() + ": " + key + " reads back as " + stored + " bytes, not " + size
                        + "; the upload was removed");
            }
            // a copy of the manifest beside the archive lets the catalog list backups without downloading them
            call(() -> client.putObject(b -> b.bucket(bucket).key(key(id.value() + MANIFEST_SUFFIX))
                    .contentType("application/json"), RequestBody.fromBytes(manifest)));
        } catch (IOException | RuntimeException e) {
            abortQuietly(key, uploadId);
            throw e;
        }
    }

    @Override
    public List<BackupId> list() throws IOException {
        List<BackupId> ids = new ArrayList<>();
        String listPrefix = prefix.isEmpty() ? "" : prefix + "/";
        // the paginator fetches lazily: walk it inside call() so a failed page is an IOException too
        List<S3Object> objects = call(() -> client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listPrefix))
                .contents().stream().toList());
        for (S3Object object : objects) {
            String name = object.key().substring(listPrefix.length());
            if (!name.contains("/") && name.startsWith("backup-") && name.endsWith(".zip")) {
                BackupId.parse(name).ifPresent(ids::add);
            }
        }
        ids.sort(Comparator.comparing(BackupId::startedAt).thenComparing(BackupId::environment));
        return ids;
    }

    @Override
    public Path fetch(BackupId id) throws IOException {
        Files.createDirectories(localDir);
        Path local = localDir.resolve(id.archiveName());
        Path temporary = localDir.resolve("." + id.archiveName() + ".download");
        Files.deleteIfExists(temporary);
        try {
            call(() -> client.getObject(b -> b.bucket(bucket).key(key(id.archiveName())), ResponseTransformer.toFile(temporary)));
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                throw new dev.drydock.shared.BadInputException(id + ": no such backup in " + describe()
                        + "; 'backup-daemon list' shows them");
            }
            throw e;
        }
        Files.move(temporary, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return local;
    }

    @Override
    public long size(BackupId id) throws IOException {
        return call(() -> client.headObject(b -> b.bucket(bucket).key(key(id.archiveName()))).contentLength());
    }

    @Override
    public Manifest manifest(BackupId id) throws IOException {
        try {
            byte[] json = call(() -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key(id.value() + MANIFEST_SUFFIX)))
                    .asByteArray());
            return JSON.readValue(json, Manifest.class);
        } catch (IOException e) {
            if (!(e.getCause() instanceof NoSuchKeyException)) {
                throw e;
            }
        }
        // published before its manifest copy was written (a crash in between): read it from the archive
        try (ArchiveReader reader = new ArchiveReader(fetch(id))) {
            return reader.manifest();
        }
    }

    @Override
    public void writeVerification(BackupId id, Verification verification) throws IOException {
        byte[] json = JSON.writeValueAsBytes(verification);
        call(() -> client.putObject(b -> b.bucket(bucket).key(key(id.value() + Verification.SUFFIX))
                .contentType("application/json"), RequestBody.fromBytes(json)));
    }

    @Override
    public Optional<Verification> verification(BackupId id) throws IOException {
        try {
            byte[] json = call(() -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key(id.value() + Verification.SUFFIX)))
                    .asByteArray());
            return Optional.of(JSON.readValue(json, Verification.class));
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(BackupId id) throws IOException {
        call(() -> client.deleteObject(b -> b.bucket(bucket).key(key(id.archiveName()))));
        call(() -> client.deleteObject(b -> b.bucket(bucket).key(key(id.value() + MANIFEST_SUFFIX))));
        call(() -> client.deleteObject(b -> b.bucket(bucket).key(key(id.value() + Verification.SUFFIX))));
    }

    @Override
    public List<String> removeAbandoned() throws IOException {
        List<String> removed = new ArrayList<>();
        String listPrefix = prefix.isEmpty() ? "" : prefix + "/";
        for (MultipartUpload upload : call(() -> client.listMultipartUploads(b -> b.bucket(bucket).prefix(listPrefix)).uploads())) {
            abortQuietly(upload.key(), upload.uploadId());
            removed.add("incomplete upload of " + upload.key());
        }
        if (Files.isDirectory(localDir)) {
            try (var files = Files.list(localDir)) {
                for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
                    Files.deleteIfExists(path);
                    removed.add(path.getFileName().toString());
                }
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // the server is unreachable; removeAbandoned aborts the upload on a later run
        }
    }

    private interface S3Call<T> {
        T run();
    }

    /** SDK and connection failures (after the SDK's own retries with backoff) become IOExceptions naming the store. */
    private <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            // the JDK HTTP client reports a dropped connection this way, past the SDK's retries
            throw new IOException(describe() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
