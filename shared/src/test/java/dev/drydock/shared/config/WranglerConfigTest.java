package dev.drydock.shared.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A D1 project's wrangler config as the D1 environments and the config-less commands read it. */
class WranglerConfigTest {

    @TempDir
    Path dir;

    private static final String TOML = """
            name = "worker"
            [[d1_databases]]
            binding = "DB"
            database_name = "app-dev"
            database_id = "1111"
            migrations_dir = "db/d1"

            [env.production]
            [[env.production.d1_databases]]
            binding = "DB"
            database_name = "app-production"
            database_id = "2222"
            migrations_dir = "db/d1"
            migrations_table = "schema_history"

            [env.staging]
            name = "worker-staging"
            """;

    @Test
    void readsTheBindingsOfEachEnvironmentFromToml() throws Exception {
        WranglerConfig config = WranglerConfig.read(Files.writeString(dir.resolve("wrangler.toml"), TOML));
        WranglerConfig.D1Database dev = config.database(null, "DB").orElseThrow();
        assertEquals("app-dev", dev.databaseName());
        assertEquals(dir.resolve("db/d1"), dev.migrationsDir());
        assertEquals("d1_migrations", dev.migrationsTable());
        WranglerConfig.D1Database production = config.database("production", "app-production").orElseThrow();
        assertEquals("schema_history", production.migrationsTable());
        assertTrue(config.database("staging", "DB").isEmpty(), "d1_databases is not inherited by an environment");
    }

    @Test
    void readsJsoncWithCommentsAndTrailingCommas() throws Exception {
        Path file = Files.writeString(dir.resolve("wrangler.jsonc"), """
                {
                  // the worker
                  "name": "worker",
                  "d1_databases": [
                    { "binding": "DB", "database_name": "app", "database_id": "3333", },
                  ],
                }
                """);
        WranglerConfig config = WranglerConfig.read(file);
        assertEquals(dir.resolve("migrations"), config.database(null, "app").orElseThrow().migrationsDir());
        assertEquals(file.toAbsolutePath(), WranglerConfig.find(dir).orElseThrow().toAbsolutePath());
    }

    @Test
    void withoutDrydockYamlTheWranglerConfigGivesMigrationsAndOneLocalEnvironmentPerD1Environment() throws Exception {
        Files.writeString(dir.resolve("wrangler.toml"), TOML);
        DrydockConfig config = ConfigLoader.loadDefault(dir).orElseThrow();
        assertEquals(dir.resolve("db/d1"), config.migrations().dir());
        assertEquals("wrangler", config.migrations().layout());
        assertEquals("d1", config.migrations().dialects().get(0).dialect().id());
        assertEquals(List.of("default", "production"), config.environments().keySet().stream().sorted().toList());
        EnvironmentConfig production = config.environments().get("production");
        assertTrue(production.isD1());
        assertEquals("app-production", production.d1Database());
        assertTrue(production.wrangler().local(), "environments made from wrangler's config are local");
        assertEquals("production", production.wrangler().env());
        assertNull(config.environments().get("default").wrangler().env());
    }

    @Test
    void aD1EnvironmentOfDrydockYamlTakesItsWranglerBlock() throws Exception {
        Files.writeString(dir.resolve("wrangler.toml"), TOML);
        DrydockConfig config = ConfigLoader.load(Files.writeString(dir.resolve("drydock.yaml"), """
                migrations: { dir: db/d1, layout: wrangler, dialects: [d1] }
                environments:
                  development:
                    url: "d1:app-dev"
                    wrangler: { config: wrangler.toml, local: true, persistTo: .state }
                  production:
                    url: "d1:app-production"
                    wrangler: { env: production, command: "npx wrangler" }
                """));
        WranglerSettings development = config.environments().get("development").wrangler();
        assertTrue(development.local());
        assertEquals(dir.resolve(".state"), development.persistTo());
        WranglerSettings production = config.environments().get("production").wrangler();
        assertEquals(false, production.local(), "remote unless local: true");
        assertEquals(dir.resolve("wrangler.toml"), production.config(), "wrangler's config beside drydock.yaml");
        assertEquals("npx wrangler", production.command());
    }

    @Test
    void wranglerSettingsOnAJdbcEnvironmentAreAnError() throws Exception {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(Files.writeString(
                dir.resolve("drydock.yaml"), """
                        environments:
                          dev:
                            url: "jdbc:sqlite:dev.db"
                            wrangler: { local: true }
                        """)));
        assertTrue(error.getMessage().contains("environments.dev.wrangler"), error.getMessage());
        assertTrue(error.getMessage().contains("d1:<database>"), error.getMessage());
    }
}
