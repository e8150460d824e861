package dev.drydock.backup.retention;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.shared.config.BackupConfig;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Grandfather-father-son retention for one environment: the newest {@code keepLast} backups, plus the
 * representative of each of the newest {@code daily} days, {@code weekly} ISO weeks and {@code monthly}
 * months (UTC). A period's representative is its newest verified backup, else its newest one. The newest
 * verified backup is never deleted, whatever the numbers say.
 */
public final class RetentionPolicy {

    /** What to keep (with why) and what to delete, newest first. */
    public record Plan(Map<BackupId, String> keep, List<BackupId> delete) {
    }

    private RetentionPolicy() {
    }

    public static Plan plan(List<Catalog.Entry> entries, BackupConfig.Retention retention) {
        List<Catalog.Entry> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparing((Catalog.Entry e) -> e.id().startedAt()).reversed());
        Map<BackupId, String> keep = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(retention.keepLast(), newestFirst.size()); i++) {
            keep.putIfAbsent(newestFirst.get(i).id(), "one of the newest " + retention.keepLast());
        }
        representatives(newestFirst, retention.daily(), e -> day(e).toString(), "daily", keep);
        representatives(newestFirst, retention.weekly(),
                e -> day(e).get(IsoFields.WEEK_BASED_YEAR) + "-W" + day(e).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "weekly", keep);
        representatives(newestFirst, retention.monthly(), e -> day(e).toString().substring(0, 7), "monthly", keep);
        newestFirst.stream().filter(RetentionPolicy::verified).findFirst()
                .ifPresent(e -> keep.putIfAbsent(e.id(), "the newest verified backup"));
        List<BackupId> delete = newestFirst.stream().map(Catalog.Entry::id).filter(id -> !keep.containsKey(id)).toList();
        return new Plan(keep, delete);
    }

    private static void representatives(List<Catalog.Entry> newestFirst, int periods, Function<Catalog.Entry, String> period,
                                        String kind, Map<BackupId, String> keep) {
        Map<String, Catalog.Entry> chosen = new LinkedHashMap<>();
        for (Catalog.Entry entry : newestFirst) {
            String key = period.apply(entry);
            if (!chosen.containsKey(key)) {
                if (chosen.size() == periods) {
                    break;
                }
                chosen.put(key, entry);
            } else if (!verified(chosen.get(key)) && verified(entry)) {
                chosen.put(key, entry);
            }
        }
        chosen.forEach((key, entry) -> keep.putIfAbsent(entry.id(), kind + " " + key));
    }

    private static boolean verified(Catalog.Entry entry) {
        return entry.status().equals("verified");
    }

    private static LocalDate day(Catalog.Entry entry) {
        return entry.id().startedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
