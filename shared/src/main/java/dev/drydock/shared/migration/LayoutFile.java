package dev.drydock.shared.migration;

import java.nio.file.Path;

/**
 * One file a layout recognized while scanning the migrations folder.
 *
 * @param description for a {@link Role#MISNAMED} file: why the runner would skip it
 * @param pairKey     what a forward and its rollback have in common, per the runner's own pairing rule
 */
public record LayoutFile(Path path, Role role, String version, String description, String pairKey) {

    /** {@code CHANGESET}: one of several migrations in one file (a Liquibase changeset, named by its description). */
    public enum Role { FORWARD, ROLLBACK, REPEATABLE, UP_AND_DOWN, CHANGESET, MISNAMED }

    static LayoutFile misnamed(Path path, String why) {
        return new LayoutFile(path, Role.MISNAMED, null, why, null);
    }
}
