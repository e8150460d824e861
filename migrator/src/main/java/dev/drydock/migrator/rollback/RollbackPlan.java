package dev.drydock.migrator.rollback;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.api.MigrationInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

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
}
