package dev.drydock.shared.migration;

/**
 * Whether the runner wraps a migration in a transaction, and what decided it (the config's default,
 * diesel's metadata.toml, a Flyway .sql.conf, a dbmate section option or a drydock:no-transaction line).
 */
public record TransactionMode(boolean inTransaction, String decidedBy) {

    public static TransactionMode byDefault(boolean transactional) {
        return new TransactionMode(transactional, "migrations.transactional");
    }
}
