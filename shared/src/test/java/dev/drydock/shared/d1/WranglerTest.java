package dev.drydock.shared.d1;

import dev.drydock.shared.config.WranglerSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wrangler command lines Drydock builds. The remote ones cannot run here (no network, no Cloudflare login), so
 * they are checked word for word against wrangler 4's documented flags; the local ones run in D1Test.
 */
class WranglerTest {

    private static final Path CONFIG = Path.of("/srv/app/wrangler.toml");

    @Test
    void aRemoteExecuteNamesTheEnvironmentAndConfig() {
        Wrangler wrangler = new Wrangler(new WranglerSettings(CONFIG, "production", false, null, "npx wrangler"),
                "app-production");
        assertEquals(List.of("npx", "wrangler", "d1", "execute", "app-production", "--command=SELECT 1", "--json",
                "--remote", "--env", "production", "--config", "/srv/app/wrangler.toml"),
                wrangler.commandLine("execute", "--command=SELECT 1", "--json"));
    }

    @Test
    void aRemoteExportAndTheTimeTravelBookmark() {
        Wrangler wrangler = new Wrangler(new WranglerSettings(CONFIG, null, false, null, "wrangler"), "app");
        assertEquals(List.of("wrangler", "d1", "export", "app", "--output", "/tmp/d1.sql", "--skip-confirmation",
                "--remote", "--config", "/srv/app/wrangler.toml"),
                wrangler.commandLine("export", "--output", "/tmp/d1.sql", "--skip-confirmation"));
        assertEquals(List.of("wrangler", "d1", "time-travel", "info", "app", "--json", "--config",
                "/srv/app/wrangler.toml"), wrangler.commandLine("time-travel", "info", "--json"));
        assertEquals(List.of("wrangler", "d1", "time-travel", "restore", "app", "--bookmark=00000085-0000024c",
                "--json", "--config", "/srv/app/wrangler.toml"),
                wrangler.commandLine("time-travel", "restore", "--bookmark=00000085-0000024c", "--json"));
    }

    @Test
    void persistToGoesOnlyToLocalExecutes() {
        Wrangler local = new Wrangler(new WranglerSettings(null, null, true, Path.of("/state"), "wrangler"), "app");
        assertEquals(List.of("wrangler", "d1", "execute", "app", "--command=x", "--local", "--persist-to", "/state"),
                local.commandLine("execute", "--command=x"));
        Wrangler remote = new Wrangler(new WranglerSettings(null, null, false, Path.of("/state"), "wrangler"), "app");
        assertEquals(List.of("wrangler", "d1", "execute", "app", "--command=x", "--remote"),
                remote.commandLine("execute", "--command=x"));
    }

    @Test
    void wranglersOwnWordsAreKeptFromJsonOrItsErrorLine() {
        assertEquals("no such table: nosuch: SQLITE_ERROR",
                Wrangler.failure("{\n  \"error\": {\n    \"text\": \"no such table: nosuch: SQLITE_ERROR\"\n  }\n}", ""));
        assertEquals("Processing wrangler.toml configuration:", Wrangler.failure("\u001B[31m✘ \u001B[41;31m[\u001B[41;97mERROR"
                + "\u001B[41;31m]\u001B[0m \u001B[1mProcessing wrangler.toml configuration:\u001B[0m\n", ""));
    }

    @Test
    void historyStatementsQuoteNamesAsWranglerDoes() {
        D1History history = new D1History(new Wrangler(new WranglerSettings(null, null, true, null, "wrangler"), "app"),
                "d1_migrations");
        assertEquals("INSERT INTO \"d1_migrations\" (name) VALUES ('0001_it''s.sql');",
                history.recordApplied("0001_it's.sql"));
        assertEquals("DELETE FROM \"d1_migrations\" WHERE name = '0001_a.sql';", history.recordRolledBack("0001_a.sql"));
        assertEquals("0035", D1History.version("0035_add_tags.sql"));
        assertEquals("000", D1History.version("000X_placeholder.sql"));
    }
}
