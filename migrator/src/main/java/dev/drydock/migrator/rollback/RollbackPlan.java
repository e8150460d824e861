package dev.drydock.migrator.rollback;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.d1.D1History;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Version;
import org.flywaydb.core.api.MigrationInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code down --to V} undoes: every applied migration above V, newest first, each with its rollback script
 * from the set (empty when the set has none).
 */
public record RollbackPlan(List<Step> steps) {

    public record Step(String version, String description, Optional<Migration> migration) {

        public boolean hasRollback() {
            return migration.flatMap(Migration::rollback).isPresent();
        }
    }

    public static RollbackPlan of(MigrationSet set, MigrationInfo[] applied, String target) {
        org.flywaydb.core.api.MigrationVersion to = org.flywaydb.core.api.MigrationVersion.fromVersion(target);
        List<Step> steps = new ArrayList<>();
        for (MigrationInfo info : applied) {
            if (info.getVersion() == null || info.getInstalledOn() == null || info.getState().isFailed()
                    || info.getVersion().compareTo(to) <= 0) {
                continue;
            }
            String version = info.getVersion().getVersion();
            Optional<Migration> migration = set.migrations().stream()
                    .filter(m -> m.version().map(v -> v.canonical().equals(version)).orElse(false)).findFirst();
            steps.add(new Step(version, info.getDescription(), migration));
        }
        Collections.reverse(steps);
        return new RollbackPlan(List.copyOf(steps));
    }

    /**
     * The plan on a D1 database, whose history is wrangler's file names: every applied file after {@code target} in
     * wrangler's order, newest first, each step named by its file. {@code target} is a number (files numbered
     * above it go) or a file name (files after it go); 0 rolls back everything.
     */
    public static RollbackPlan ofD1(MigrationSet set, List<D1History.Row> rows, String target) {
        Set<String> applied = new HashSet<>();
        rows.forEach(row -> applied.add(row.name()));
        List<String> order = new ArrayList<>();
        Map<String, Migration> byName = new HashMap<>();
        for (Migration migration : set.migrations()) {
            String name = migration.forward().file().path().getFileName().toString();
            order.add(name);
            byName.put(name, migration);
        }
        rows.stream().map(D1History.Row::name).filter(name -> !byName.containsKey(name)).forEach(order::add);
        boolean byNumber = target.matches("\\d+");
        if (!byNumber && !applied.contains(target)) {
            throw new BadInputException("--to " + target + ": neither a number nor the file name of an applied"
                    + " migration; 'migrator status' lists them");
        }
        List<Step> steps = new ArrayList<>();
        boolean after = false;
        for (String name : order) {
            boolean goes = byNumber ? new BigInteger(numberOf(name)).compareTo(new BigInteger(target)) > 0 : after;
            if (!byNumber && name.equals(target)) {
                after = true;
            }
            if (goes && applied.contains(name)) {
                Migration migration = byName.get(name);
                steps.add(new Step(name, migration == null ? name : migration.description(), Optional.ofNullable(migration)));
            }
        }
        Collections.reverse(steps);
        return new RollbackPlan(List.copyOf(steps));
    }

    /**
     * The plan where the layout's own runner keeps the history: every migration it calls applied above
     * {@code target} (a version in the layout's reading; 0 for all), newest first.
     */
    public static RollbackPlan ofRunner(MigrationSet set, RunnerHistory history, List<RunnerHistory.Row> rows,
                                        String target) {
        Version to = set.layout().version(target);
        List<Step> steps = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            Version version = migration.version().orElseThrow();
            if (version.compareTo(to) > 0 && history.isApplied(migration, rows)) {
                steps.add(new Step(version.canonical(), migration.description(), Optional.of(migration)));
            }
        }
        Collections.reverse(steps);
        return new RollbackPlan(List.copyOf(steps));
    }

    /** The migration before {@code migration} in the runner's order, which becomes the current one when it goes. */
    public static Optional<Migration> before(MigrationSet set, Migration migration) {
        int index = set.migrations().indexOf(migration);
        return index > 0 ? Optional.of(set.migrations().get(index - 1)) : Optional.empty();
    }

    /** The number a file name starts with, as wrangler reads it (none counts as above every number). */
    private static String numberOf(String name) {
        String number = D1History.version(name);
        return number.equals(name) ? "9".repeat(40) : number;
    }
}
