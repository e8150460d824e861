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

    /**
     * A migration's forward file as the folder names it ({@code 001_users.sql}, diesel's
     * {@code 2024-01-31-120000_users/up.sql}): what status and manifests show where a history holds no file name.
     */
    public String fileName(Migration migration) {
        return dir.toAbsolutePath().normalize().relativize(migration.forward().file().path().toAbsolutePath()
                .normalize()).toString().replace('\\', '/');
    }

    /** Where {@code migrations.sum} lives: inside the migrations folder. */
    public Path sumFile() {
        return dir.resolve(Listing.SUM_FILE);
    }
}
