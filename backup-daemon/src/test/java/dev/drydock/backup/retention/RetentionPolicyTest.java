package dev.drydock.backup.retention;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.shared.config.BackupConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {

    private static final Manifest MANIFEST = new Manifest(1, "x", "prod", new Manifest.Database("sqlite", "3", "x"), "a",
            "b", new Manifest.Tool("t"), new Manifest.MigrationState(null, List.of()), "sha256:0", Map.of(), List.of(), null);

    private static Catalog.Entry entry(String at, Boolean verified) {
        Optional<Verification> verification = verified == null ? Optional.empty()
                : Optional.of(new Verification("checksum", verified, at, List.of(), List.of()));
        return new Catalog.Entry(new BackupId("prod", Instant.parse(at)), 100, MANIFEST, verification);
    }

    /** One verified backup a day at 02:00 for 100 days, ending 2026-11-22. */
    private static List<Catalog.Entry> hundredDays() {
        List<Catalog.Entry> entries = new ArrayList<>();
        Instant last = Instant.parse("2026-11-22T02:00:00Z");
        for (int i = 99; i >= 0; i--) {
            entries.add(entry(last.minus(Duration.ofDays(i)).toString(), true));
        }
        return entries;
    }

    @Test
    void keepsTheNewestAndOneRepresentativePerPeriod() {
        RetentionPolicy.Plan plan = RetentionPolicy.plan(hundredDays(), new BackupConfig.Retention(3, 7, 4, 3));
        List<String> kept = plan.keep().keySet().stream().map(BackupId::value).sorted().toList();
        // 7 daily (2026-11-16..22, which hold the newest 3), weekly adds the Sundays of 3 earlier weeks,
        // monthly adds the last day of October and of September
        assertTrue(kept.contains("backup-prod-2026-11-22-020000"));
        assertTrue(kept.contains("backup-prod-2026-11-16-020000"));
        assertTrue(kept.contains("backup-prod-2026-11-15-020000"), kept.toString());
        assertTrue(kept.contains("backup-prod-2026-11-08-020000"), kept.toString());
        assertTrue(kept.contains("backup-prod-2026-11-01-020000"), kept.toString());
        assertTrue(kept.contains("backup-prod-2026-10-31-020000"), kept.toString());
        assertTrue(kept.contains("backup-prod-2026-09-30-020000"), kept.toString());
        assertEquals(12, kept.size(), kept.toString());
        assertEquals(100 - 12, plan.delete().size());
        assertEquals("one of the newest 3", plan.keep().get(new BackupId("prod", Instant.parse("2026-11-22T02:00:00Z"))));
    }

    @Test
    void neverDeletesTheNewestVerifiedBackup() {
        List<Catalog.Entry> entries = List.of(entry("2026-11-01T02:00:00Z", true), entry("2026-11-20T02:00:00Z", false),
                entry("2026-11-21T02:00:00Z", null), entry("2026-11-22T02:00:00Z", false));
        RetentionPolicy.Plan plan = RetentionPolicy.plan(entries, new BackupConfig.Retention(1, 0, 0, 0));
        assertEquals("the newest verified backup", plan.keep().get(new BackupId("prod", Instant.parse("2026-11-01T02:00:00Z"))));
        assertEquals(2, plan.keep().size());
        assertEquals(2, plan.delete().size());
    }

    @Test
    void aPeriodIsRepresentedByItsNewestVerifiedBackup() {
        List<Catalog.Entry> entries = List.of(entry("2026-11-22T01:00:00Z", true), entry("2026-11-22T02:00:00Z", false));
        RetentionPolicy.Plan plan = RetentionPolicy.plan(entries, new BackupConfig.Retention(0, 1, 0, 0));
        assertEquals(Map.of(new BackupId("prod", Instant.parse("2026-11-22T01:00:00Z")), "daily 2026-11-22"), plan.keep());
    }
}
