package dev.drydock.shared.d1;

import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.config.WranglerConfig;

/** A {@code d1:} environment of drydock.yaml, ready to use: wrangler on its database, and its history table. */
public record D1Environment(Wrangler wrangler, D1History history) {

    private static final String DEFAULT_TABLE = "d1_migrations";

    /** The history table is the one wrangler's config names for the database ({@code migrations_table}). */
    public static D1Environment of(EnvironmentConfig environment) {
        Wrangler wrangler = new Wrangler(environment.wrangler(), environment.d1Database());
        String table = environment.wrangler().config() == null ? DEFAULT_TABLE
                : WranglerConfig.read(environment.wrangler().config())
                .database(environment.wrangler().env(), environment.d1Database())
                .map(WranglerConfig.D1Database::migrationsTable).orElse(DEFAULT_TABLE);
        return new D1Environment(wrangler, new D1History(wrangler, table));
    }
}
