package dev.drydock.migrator.d1;

import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.D1History;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a D1 database stands, read from wrangler's own history: a file is applied when {@code d1_migrations} has
 * a row with its name, and pending otherwise, in wrangler's order, so Drydock and {@code wrangler d1 migrations
 * list} always name the same files. Wrangler records no failures and no checksums: a failed migration leaves no
 * row, and an applied file edited later is the validator's {@code history-mutated}, not drift here.
 */
public final class D1Status {

    /** The status, and the history rows it was read from (the backup gate compares them with a backup's). */
    public record Reading(MigrationStatus status, List<D1History.Row> rows) {
    }

    private D1Status() {
    }

    public static Reading read(String environment, D1Environment d1, MigrationSet set) throws WranglerException {
        List<D1History.Row> rows = d1.history().rows();
        Map<String, Migration> byName = byFileName(set);
        Map<String, D1History.Row> applied = new LinkedHashMap<>();
        rows.forEach(row -> applied.put(row.name(), row));
        List<MigrationStatus.Entry> appliedEntries = new ArrayList<>();
        List<MigrationStatus.Drift> drift = new ArrayList<>();
        for (D1History.Row row : rows) {
            Migration migration = byName.get(row.name());
            appliedEntries.add(new MigrationStatus.Entry(D1History.version(row.name()),
                    migration == null ? row.name() : migration.description(), row.name(), row.appliedAt(), null));
            if (migration == null) {
                drift.add(new MigrationStatus.Drift(D1History.version(row.name()), row.name(), "applied (a row in "
                        + d1.history().table() + ") but no such file in the migrations folder", "restore the file from"
                        + " version control; a migration that was applied must stay"));
            }
        }
        List<MigrationStatus.Entry> pending = new ArrayList<>();
        String current = null;
        for (Map.Entry<String, Migration> file : byName.entrySet()) {
            D1History.Row row = applied.get(file.getKey());
            if (row == null) {
                pending.add(new MigrationStatus.Entry(D1History.version(file.getKey()), file.getValue().description(),
                        file.getKey(), null, null));
            } else {
                current = D1History.version(file.getKey());
            }
        }
        MigrationStatus status = new MigrationStatus(environment, d1.wrangler().describe(), d1.history().table(),
                current, appliedEntries, pending, List.of(), drift);
        return new Reading(status, rows);
    }

    /**
     * The pending entries up to {@code to}: a number (files numbered up to it) or a file name (up to and including
     * it); all of them when {@code to} is null.
     */
    public static List<MigrationStatus.Entry> upTo(List<MigrationStatus.Entry> pending, String to) {
        if (to == null) {
            return pending;
        }
        List<MigrationStatus.Entry> chosen = new ArrayList<>();
        if (to.matches("\\d+")) {
            BigInteger last = new BigInteger(to);
            for (MigrationStatus.Entry entry : pending) {
                if (entry.version().matches("\\d+") && new BigInteger(entry.version()).compareTo(last) <= 0) {
                    chosen.add(entry);
                }
            }
            return chosen;
        }
        for (MigrationStatus.Entry entry : pending) {
            chosen.add(entry);
            if (entry.script().equals(to)) {
                return chosen;
            }
        }
        throw new BadInputException("--to " + to + ": neither a number nor the file name of a pending migration;"
                + " 'migrator status' lists them");
    }

    /** The set's migrations behind status entries, in the entries' order. */
    public static List<Migration> migrations(MigrationSet set, List<MigrationStatus.Entry> entries) {
        Map<String, Migration> byName = byFileName(set);
        return entries.stream().map(entry -> byName.get(entry.script())).toList();
    }

    /** The set's migrations by file name (wrangler's key), in wrangler's order. */
    static Map<String, Migration> byFileName(MigrationSet set) {
        Map<String, Migration> byName = new LinkedHashMap<>();
        for (Migration migration : set.migrations()) {
            byName.put(fileName(migration), migration);
        }
        return byName;
    }

    static String fileName(Migration migration) {
        return migration.forward().file().path().getFileName().toString();
    }
}
