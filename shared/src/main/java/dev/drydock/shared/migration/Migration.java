package dev.drydock.shared.migration;

import java.util.Optional;

/**
 * One migration of a set, whatever the layout it came from.
 *
 * @param id          unique within the set: the canonical version, or the file stem where the layout lets
 *                    several migrations share a version number (golang-migrate, wrangler)
 * @param version     empty for Flyway's repeatable {@code R__} migrations
 * @param rollback    empty when the migration has no rollback script
 */
public record Migration(String id, Optional<Version> version, String description, Script forward,
                        Optional<Script> rollback, TransactionMode transaction) {

    public boolean repeatable() {
        return version.isEmpty();
    }
}
