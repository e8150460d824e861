package dev.drydock.shared.migration;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One migration of a set, whatever the layout it came from.
 *
 * @param id              unique within the set: the canonical version, or the file stem where the layout
 *                        lets several migrations share a version number (golang-migrate, wrangler)
 * @param version         empty for Flyway's repeatable {@code R__} migrations
 * @param rollback        empty when the migration has no rollback script
 * @param transactionMode read when first asked for: it may mean opening the file, which a pre-commit run
 *                        should not do for the hundreds of migrations it does not report on
 */
public record Migration(String id, Optional<Version> version, String description, Script forward,
                        Optional<Script> rollback, Supplier<TransactionMode> transactionMode) {

    public boolean repeatable() {
        return version.isEmpty();
    }

    /** Whether the runner wraps this migration in a transaction, and what decided it. */
    public TransactionMode transaction() {
        return transactionMode.get();
    }
}
