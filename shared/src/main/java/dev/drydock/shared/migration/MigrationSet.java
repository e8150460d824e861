package dev.drydock.shared.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * Every migration of a folder, ordered as its runner applies them, plus what could not be paired or named.
 *
 * @param orphanRollbacks rollback scripts with no forward migration
 * @param misnamed        SQL files the runner would silently skip
 */
public record MigrationSet(Path dir, Layout layout, List<Migration> migrations, List<Script> orphanRollbacks,
                           List<MisnamedFile> misnamed) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        orphanRollbacks = List.copyOf(orphanRollbacks);
        misnamed = List.copyOf(misnamed);
    }

    /** Where {@code migrations.sum} lives: inside the migrations folder. */
    public Path sumFile() {
        return dir.resolve(Listing.SUM_FILE);
    }
}
