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

    /** One backup; {@code manifest} is empty when the archive cannot be read (reported as damaged). */
    public record Entry(BackupId id, long bytes, Optional<Manifest> manifest, Optional<Verification> verification) {

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

    /** Oldest first; only {@code environment}'s when given. */
    public List<Entry> entries(Optional<String> environment) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (BackupId id : store.list()) {
            if (environment.isPresent() && !environment.get().equals(id.environment())) {
                continue;
            }
            Optional<Manifest> manifest;
            try {
                manifest = Optional.of(store.manifest(id));
            } catch (IOException | RuntimeException e) {
                manifest = Optional.empty();
            }
            entries.add(new Entry(id, store.size(id), manifest, store.verification(id)));
        }
        return entries;
    }
}
