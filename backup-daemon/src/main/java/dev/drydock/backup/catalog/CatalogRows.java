package dev.drydock.backup.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as JSON rows, the same for {@code list --json} and {@code /api/backups}. */
public final class CatalogRows {

    private CatalogRows() {
    }

    public static List<Map<String, Object>> of(List<Catalog.Entry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Catalog.Entry entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", entry.id().value());
            row.put("environment", entry.id().environment());
            row.put("status", entry.status());
            row.put("bytes", entry.bytes());
            entry.manifest().ifPresent(m -> {
                row.put("startedAt", m.startedAt());
                row.put("finishedAt", m.finishedAt());
                row.put("durationSeconds", Duration.between(Instant.parse(m.startedAt()), Instant.parse(m.finishedAt()))
                        .toMillis() / 1000.0);
                row.put("database", m.database());
                row.put("migrationState", m.migrationState());
            });
            entry.verification().ifPresent(v -> row.put("verification", v));
            entry.damage().ifPresent(why -> row.put("damage", why));
            rows.add(row);
        }
        return rows;
    }
}
