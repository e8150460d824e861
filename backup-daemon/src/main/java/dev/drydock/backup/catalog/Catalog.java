package dev.drydock.backup.catalog;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.store.BackupStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The backups a store holds, with their manifests and verification, read from the store alone. */
public final class Catalog {

    /**
     * One backup; {@code manifest} is empty when the archive or its manifest cannot be trusted, and {@code damage}
     * then says why (reported as damaged).
     */
    public record Entry(BackupId id, long bytes, Optional<Manifest> manifest, Optional<Verification> verification,
                        Optional<String> damage) {

        public Entry(BackupId id, long bytes, Manifest manifest, Optional<Verification> verification) {
            this(id, bytes, Optional.of(manifest), verification, Optional.empty());
        }

        /** {@code verified}, {@code failed}, {@code unverified} or {@code damaged}. */
        public String status() {
            if (manifest.isEmpty()) {
                return "damaged";
            }
            return verification.map(v -> v.passed() ? "verified" : "failed").orElse("unverified");
        }
    }

    private final BackupStore store;

    public Catalog(BackupStore store) {
        this.store = store;
    }

    /**
     * Oldest first; only {@code environment}'s when given. One damaged entry — an unreadable archive, a manifest that
     * does not fit its file, a folder or pipe named like an archive — is listed as damaged with its reason, and the
     * others are read as if it were not there. Only a store that cannot be listed at all is an IOException.
     */
    public List<Entry> entries(Optional<String> environment) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (BackupId id : store.list()) {
            if (environment.isEmpty() || environment.get().equals(id.environment())) {
                entries.add(read(id));
            }
        }
        return entries;
    }

    /** One backup, read as {@link #entries} reads each; empty when the store holds no such backup. */
    public Optional<Entry> entry(BackupId id) throws IOException {
        return store.list().contains(id) ? Optional.of(read(id)) : Optional.empty();
    }

    private Entry read(BackupId id) {
        long bytes;
        try {
            bytes = store.size(id);
        } catch (IOException | RuntimeException e) {
            return damaged(id, 0, "cannot be read: " + e.getMessage());
        }
        Manifest manifest;
        try {
            manifest = store.manifest(id);
        } catch (IOException | RuntimeException e) {
            return damaged(id, bytes, "its manifest cannot be read: " + e.getMessage());
        }
        List<String> problems = manifest.problems(id);
        if (!problems.isEmpty()) {
            return damaged(id, bytes, String.join("; ", problems));
        }
        Optional<Verification> verification;
        try {
            verification = store.verification(id);
        } catch (IOException | RuntimeException e) {
            verification = Optional.empty(); // an unreadable record is no verification; the archive itself is fine
        }
        return new Entry(id, bytes, manifest, verification);
    }

    private static Entry damaged(BackupId id, long bytes, String why) {
        return new Entry(id, bytes, Optional.empty(), Optional.empty(), Optional.of(why));
    }
}
