package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.testing.NpmPackages;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrator keeps the layout's own runner's history ({@code migrations.history: native}): real dbmate and
 * drizzle-kit from npm and the migrator agree both ways on PostgreSQL; golang-migrate's and diesel's tables hold what those runners'
 * documented formats say, golang-migrate's dirty flag included.
 */
class RunnerHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void dbmateAndTheMigratorAgreeBothWaysOnPostgresql() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path migrations = Files.createDirectories(project.resolve("db/migrations"));
            dbmateFile(migrations, "001_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
            dbmateFile(migrations, "002_posts", "CREATE TABLE posts (id int PRIMARY KEY);", "DROP TABLE posts;");
            String dbmateUrl = "postgres://postgres@127.0.0.1:5432/" + database.name() + "?sslmode=disable";
            dbmate(dbmateUrl, "up");
            dbmateFile(migrations, "003_comments", "CREATE TABLE comments (id int PRIMARY KEY);",
                    "DROP TABLE comments;");
            Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db/migrations\n"
                    + "  layout: dbmate\n  dialects: [postgresql]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                    + "environments:\n  dev: { url: \"" + database.url() + "\" }\n");

            // adopted as dbmate left it: no baseline, the two it applied are applied
            JsonNode status = status(config);
            assertEquals("schema_migrations", status.get("migrationState").get("table").asText());
            assertEquals(List.of("001_users.sql", "002_posts.sql"), scripts(status.get("applied")));
            assertEquals(List.of("003_comments.sql"), scripts(status.get("pending")));

            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, up.exit(), up.out() + up.err());
            assertTrue(up.out().contains("applied  3 comments"), up.out());
            assertEquals(List.of("001", "002", "003"), strings(database, "SELECT version FROM schema_migrations"
                    + " ORDER BY version"));
            assertTrue(dbmate(dbmateUrl, "status").contains("Pending: 0"), "dbmate sees the migrator's row");

            MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
            assertEquals(0, down.exit(), down.out() + down.err());
            assertEquals(List.of("001"), strings(database, "SELECT version FROM schema_migrations"));
            assertEquals(List.of("users"), strings(database, "SELECT tablename FROM pg_tables WHERE schemaname ="
                    + " 'public' AND tablename NOT LIKE '%migrations' AND tablename NOT LIKE 'drydock%'"));
            String pending = dbmate(dbmateUrl, "status");
            assertTrue(pending.contains("Applied: 1") && pending.contains("Pending: 2"), pending);

            String again = dbmate(dbmateUrl, "up");
            assertTrue(again.contains("Applying: 002_posts.sql") && again.contains("Applying: 003_comments.sql")
                    && !again.contains("001_users"), again);
            JsonNode after = status(config);
            assertEquals(3, after.get("applied").size());
            assertEquals(0, after.get("pending").size());
            MigratorRun nothing = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, nothing.exit(), nothing.out() + nothing.err());
            assertTrue(nothing.out().contains("nothing to apply: dev is at version 3"), nothing.out());

            // a backup records dbmate's rows, and its verifying restore reads them back
            Files.writeString(config, Files.readString(config).replace("  dev: { url: ",
                    "  dev: { backup: { required: true }, url: ") + "backup:\n  store: \"file:./backups\"\n");
            dbmateFile(migrations, "004_tags", "CREATE TABLE tags (id int PRIMARY KEY);", "DROP TABLE tags;");
            MigratorRun gated = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, gated.exit(), gated.out() + gated.err());
            assertTrue(gated.out().contains("backup gate: took and verified "), gated.out());
            JsonNode manifest = onlyManifest(project.resolve("backups"));
            assertEquals("schema_migrations", manifest.get("migrationState").get("table").asText());
            List<String> rows = new ArrayList<>();
            manifest.get("migrationState").get("applied").forEach(row -> rows.add(row.get("version").asText() + " "
                    + row.get("description").asText()));
            assertEquals(List.of("001 001_users.sql", "002 002_posts.sql", "003 003_comments.sql"), rows);
            assertTrue(dbmate(dbmateUrl, "status").contains("Applied: 4"));
        }
    }

    @Test
    void golangMigrateKeepsOneRowAndItsDirtyFlagOnMariadb() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb()) {
            Path migrations = Files.createDirectories(project.resolve("db"));
            pair(migrations, "1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
            pair(migrations, "2_posts", "CREATE TABLE posts (id int PRIMARY KEY);", "DROP TABLE posts;");
            pair(migrations, "3_seed", "CREATE TABLE seeds (id int PRIMARY KEY);\nINSERT INTO seeds (id) VALUES (1);\n"
                    + "INSERT INTO seeds (id) VALUES (1);", "DROP TABLE seeds;");
            Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n"
                    + "  layout: golang-migrate\n  dialects: [mariadb]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                    + "environments:\n  dev: { url: \"" + database.url() + "\" }\n");

            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(1, up.exit(), up.out() + up.err());
            // as golang-migrate leaves it: the failed version, dirty, the only row
            assertEquals(List.of("3:1"), strings(database, "SELECT CONCAT(version, ':', dirty) FROM schema_migrations"));
            assertEquals(List.of("version:bigint(20)", "dirty:tinyint(1)"), strings(database, "SELECT CONCAT(column_name,"
                    + " ':', column_type) FROM information_schema.columns WHERE table_schema = DATABASE() AND"
                    + " table_name = 'schema_migrations' ORDER BY ordinal_position"));
            MigratorRun status = MigratorRun.of("--config", config.toString(), "status", "--env", "dev");
            assertEquals(1, status.exit(), status.out());
            assertTrue(status.out().contains("version 3 is dirty") && status.out().contains("migrate force 3"),
                    status.out());
            MigratorRun refused = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().contains("is dirty"), refused.err());

            // put right by hand as golang-migrate's users do: undo what stayed, fix the file, 'migrate force 2'
            execute(database, "DROP TABLE seeds", "UPDATE schema_migrations SET version = 2, dirty = 0");
            pair(migrations, "3_seed", "CREATE TABLE seeds (id int PRIMARY KEY);\nINSERT INTO seeds (id) VALUES (1);",
                    "DROP TABLE seeds;");
            MigratorRun fixed = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, fixed.exit(), fixed.out() + fixed.err());
            assertEquals(List.of("3:0"), strings(database, "SELECT CONCAT(version, ':', dirty) FROM schema_migrations"));

            MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
            assertEquals(0, down.exit(), down.out() + down.err());
            assertEquals(List.of("1:0"), strings(database, "SELECT CONCAT(version, ':', dirty) FROM schema_migrations"));
            MigratorRun all = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "0");
            assertEquals(0, all.exit(), all.out() + all.err());
            assertEquals(List.of(), strings(database, "SELECT version FROM schema_migrations"));
        }
    }

    @Test
    void golangMigrateOnPostgresqlAdoptsItsTableAndRecordsInTheMigrationsTransaction() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path migrations = Files.createDirectories(project.resolve("db"));
            pair(migrations, "000001_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
            pair(migrations, "000002_posts", "CREATE TABLE posts (id int PRIMARY KEY);", "DROP TABLE posts;");
            pair(migrations, "000003_seed", "CREATE TABLE seeds (id int PRIMARY KEY);\nINSERT INTO seeds (id) VALUES"
                    + " (1);\nINSERT INTO seeds (id) VALUES (1);", "DROP TABLE seeds;");
            // the database as golang-migrate left it at version 1, its table as golang-migrate creates it
            execute(database, "CREATE TABLE users (id int PRIMARY KEY)", "CREATE TABLE IF NOT EXISTS"
                    + " schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
                    "INSERT INTO schema_migrations (version, dirty) VALUES (1, false)");
            Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n"
                    + "  layout: golang-migrate\n  dialects: [postgresql]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                    + "environments:\n  dev: { url: \"" + database.url() + "\" }\n");
            JsonNode before = status(config);
            assertEquals(List.of("000001_users.up.sql"), scripts(before.get("applied")));

            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(1, up.exit(), up.out() + up.err());
            assertTrue(up.out().contains("applied  2 posts"), up.out());
            // PostgreSQL undid the failed migration with its row: no dirty flag, version 2, no seeds table
            assertEquals(List.of("2:false"), strings(database, "SELECT version || ':' || dirty FROM schema_migrations"));
            assertEquals(List.of("0"), strings(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'seeds'"));
        }
    }

    @Test
    void dieselRecordsItsVersionsWithoutDashesOnSqlite() throws Exception {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.createDirectories(migrations.resolve("2024-01-01-000000_users"));
        Files.writeString(migrations.resolve("2024-01-01-000000_users/up.sql"), "CREATE TABLE users (id integer PRIMARY KEY);");
        Files.writeString(migrations.resolve("2024-01-01-000000_users/down.sql"), "DROP TABLE users;");
        Files.createDirectories(migrations.resolve("2024-01-02-000000_posts"));
        Files.writeString(migrations.resolve("2024-01-02-000000_posts/up.sql"), "CREATE TABLE posts (id integer PRIMARY KEY);");
        Files.writeString(migrations.resolve("2024-01-02-000000_posts/down.sql"), "DROP TABLE posts;");
        String url = "jdbc:sqlite:" + project.resolve("app.db");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: migrations\n"
                + "  layout: diesel\n  dialects: [sqlite]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  dev: { url: \"" + url + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertEquals(List.of("20240101000000:1", "20240102000000:1"), strings(url, "SELECT version || ':' ||"
                + " (run_on IS NOT NULL) FROM __diesel_schema_migrations ORDER BY version"));
        JsonNode status = status(config);
        assertEquals("__diesel_schema_migrations", status.get("migrationState").get("table").asText());
        assertEquals(List.of("2024-01-01-000000_users/up.sql", "2024-01-02-000000_posts/up.sql"),
                scripts(status.get("applied")));
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to",
                "2024-01-01-000000");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertEquals(List.of("20240101000000"), strings(url, "SELECT version FROM __diesel_schema_migrations"));
        assertFalse(strings(url, "SELECT name FROM sqlite_master WHERE type = 'table'").contains("posts"));
    }

    @Test
    void theWranglerLayoutOnASqliteFileKeepsWranglersTableByFileName() throws Exception {
        Path migrations = Files.createDirectories(project.resolve("migrations/rollback"));
        Files.writeString(migrations.resolveSibling("0001_users.sql"), "CREATE TABLE users (id integer PRIMARY KEY);");
        Files.writeString(migrations.resolve("0001_users.sql"), "DROP TABLE users;");
        Files.writeString(migrations.resolveSibling("0002_posts.sql"), "CREATE TABLE posts (id integer PRIMARY KEY);");
        Files.writeString(migrations.resolve("0002_posts.sql"), "DROP TABLE posts;");
        String url = "jdbc:sqlite:" + project.resolve("local.db");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: migrations\n"
                + "  layout: wrangler\n  dialects: [sqlite]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  dev: { url: \"" + url + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertEquals(List.of("0001_users.sql", "0002_posts.sql"), strings(url, "SELECT name FROM d1_migrations ORDER BY id"));
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertEquals(List.of("0001_users.sql"), strings(url, "SELECT name FROM d1_migrations"));
    }

    @Test
    void aHistoryKeptInFlywaysTableIsNotTakenForAnEmptyOne() throws Exception {
        Path migrations = Files.createDirectories(project.resolve("db"));
        pair(migrations, "1_users", "CREATE TABLE users (id integer PRIMARY KEY);", "DROP TABLE users;");
        String url = "jdbc:sqlite:" + project.resolve("app.db");
        String base = "migrations:\n  dir: db\n  layout: golang-migrate\n  dialects: [sqlite]\n%s"
                + "environments:\n  dev: { url: \"" + url + "\" }\n";
        Path config = Files.writeString(project.resolve("drydock.yaml"), base.formatted("  history: flyway\n"));
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertEquals(List.of("1"), strings(url, "SELECT version FROM flyway_schema_history"));

        Files.writeString(config, base.formatted(""));
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("flyway_schema_history") && refused.err().contains("migrations.history:"
                + " flyway"), refused.err());
        MigratorRun baseline = MigratorRun.of("--config", config.toString(), "baseline", "--env", "dev",
                "--version", "1");
        assertEquals(0, baseline.exit(), baseline.out() + baseline.err());
        assertEquals(List.of("1:0"), strings(url, "SELECT version || ':' || dirty FROM schema_migrations"));
        assertEquals(0, MigratorRun.of("--config", config.toString(), "status", "--env", "dev").exit());
    }

    @Test
    void drizzleKitAndTheMigratorAgreeBothWaysOnPostgresql() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path out = Files.createDirectories(project.resolve("drizzle/meta"));
            drizzleFile(0, 1732000000000L, "0000_users", "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n"
                    + "\t\"email\" text\n);\n--> statement-breakpoint\nCREATE INDEX \"users_email_idx\" ON \"users\""
                    + " (\"email\");", "DROP TABLE \"users\";");
            drizzleFile(1, 1732000100000L, "0001_posts", "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY NOT NULL);",
                    "DROP TABLE \"posts\";");
            Files.writeString(project.resolve("drizzle.config.js"), "module.exports = { dialect: \"postgresql\","
                    + " out: \"./drizzle\", dbCredentials: { url: \"postgres://postgres@127.0.0.1:5432/"
                    + database.name() + "\" } };\n");
            drizzleKitMigrate();
            drizzleFile(2, 1732000200000L, "0002_comments", "CREATE TABLE \"comments\" (\"id\" serial PRIMARY KEY"
                    + " NOT NULL);", "DROP TABLE \"comments\";");
            Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: drizzle\n"
                    + "  dialects: [postgresql]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                    + "environments:\n  dev: { url: \"" + database.url() + "\" }\n");

            JsonNode status = status(config);
            assertEquals("drizzle.__drizzle_migrations", status.get("migrationState").get("table").asText());
            assertEquals(List.of("0000_users.sql", "0001_posts.sql"), scripts(status.get("applied")));
            assertEquals(List.of("0002_comments.sql"), scripts(status.get("pending")));
            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, up.exit(), up.out() + up.err());
            // the row as drizzle writes it: the file's SHA-256 and the journal's when
            assertEquals(List.of(sha256(out.resolveSibling("0002_comments.sql")) + ":1732000200000"), strings(database,
                    "SELECT hash || ':' || created_at FROM drizzle.__drizzle_migrations WHERE id = 3"));
            drizzleKitMigrate(); // would fail on "comments" existing if drizzle ran 0002 again
            assertEquals(List.of("3"), strings(database, "SELECT count(*) FROM drizzle.__drizzle_migrations"));

            MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "0");
            assertEquals(0, down.exit(), down.out() + down.err());
            assertEquals(List.of("1732000000000"), strings(database, "SELECT created_at FROM drizzle.__drizzle_migrations"));
            drizzleKitMigrate();
            assertEquals(List.of("comments", "posts", "users"), strings(database, "SELECT tablename FROM pg_tables"
                    + " WHERE schemaname = 'public' AND tablename NOT LIKE 'drydock%' ORDER BY 1"));
            JsonNode after = status(config);
            assertEquals(3, after.get("applied").size());
            assertEquals(0, after.get("pending").size());
        }
    }

    @Test
    void aDrizzleFolderIsAppliedAndRolledBackOnSqlite() throws Exception {
        Files.createDirectories(project.resolve("drizzle/meta"));
        drizzleFile(0, 1732000000000L, "0000_users", "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n"
                + "\t`email` text\n);\n--> statement-breakpoint\nCREATE INDEX `users_email_idx` ON `users` (`email`);",
                "DROP INDEX `users_email_idx`;\nDROP TABLE `users`;");
        drizzleFile(1, 1732000100000L, "0001_posts", "CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL);",
                "DROP TABLE `posts`;");
        String url = "jdbc:sqlite:" + project.resolve("app.db");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: drizzle\n"
                + "  layout: drizzle\n  dialects: [sqlite]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  dev: { url: \"" + url + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertEquals(List.of("1732000000000", "1732000100000"), strings(url, "SELECT created_at FROM"
                + " __drizzle_migrations ORDER BY id"));
        assertTrue(strings(url, "SELECT name FROM sqlite_master WHERE type = 'index'").contains("users_email_idx"));
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "0");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertEquals(List.of("1732000000000"), strings(url, "SELECT created_at FROM __drizzle_migrations"));
        assertFalse(strings(url, "SELECT name FROM sqlite_master WHERE type = 'table'").contains("posts"));
    }

    /** A migration as drizzle-kit generate writes it (file and journal entry), and its rollback where Drydock reads it. */
    private void drizzleFile(int idx, long when, String tag, String sql, String rollback) throws IOException {
        Path out = project.resolve("drizzle");
        Files.writeString(out.resolve(tag + ".sql"), sql);
        Files.createDirectories(out.resolve("rollback"));
        Files.writeString(out.resolve("rollback").resolve(tag + ".sql"), rollback + "\n");
        Path journal = out.resolve("meta/_journal.json");
        com.fasterxml.jackson.databind.node.ObjectNode root = Files.exists(journal)
                ? (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(journal.toFile())
                : JSON.createObjectNode().put("version", "7").put("dialect", "postgresql");
        com.fasterxml.jackson.databind.node.ArrayNode entries = root.withArray("entries");
        entries.addObject().put("idx", idx).put("version", "7").put("when", when).put("tag", tag)
                .put("breakpoints", true);
        JSON.writeValue(journal.toFile(), root);
    }

    /** Runs the real {@code drizzle-kit migrate} with the project's drizzle.config.js; a failure fails the test. */
    private void drizzleKitMigrate() throws Exception {
        Path drizzle = NpmPackages.drizzle();
        ProcessBuilder builder = new ProcessBuilder(drizzle.resolve("node_modules/.bin/drizzle-kit").toString(),
                "migrate", "--config", "drizzle.config.js").directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", drizzle.resolve("node_modules").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "drizzle-kit migrate did not end");
        assertEquals(0, process.exitValue(), "drizzle-kit migrate:\n" + out);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private JsonNode status(Path config) throws IOException {
        MigratorRun run = MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json");
        assertEquals(0, run.exit(), run.out() + run.err());
        return JSON.readTree(run.out());
    }

    private static List<String> scripts(JsonNode entries) {
        List<String> scripts = new ArrayList<>();
        entries.forEach(entry -> scripts.add(entry.get("script").asText()));
        return scripts;
    }

    private static void dbmateFile(Path dir, String name, String up, String down) throws IOException {
        Files.writeString(dir.resolve(name + ".sql"), "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n");
    }

    private static void pair(Path dir, String name, String up, String down) throws IOException {
        Files.writeString(dir.resolve(name + ".up.sql"), up + "\n");
        Files.writeString(dir.resolve(name + ".down.sql"), down + "\n");
    }

    /** Runs the real dbmate on the project and returns what it printed; a failure fails the test. */
    private String dbmate(String url, String command) throws Exception {
        Process process = new ProcessBuilder(NpmPackages.dbmate().toString(), "--no-dump-schema", "--url", url,
                "--migrations-dir", project.resolve("db/migrations").toString(), command)
                .directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "dbmate " + command + " did not end");
        assertEquals(0, process.exitValue(), "dbmate " + command + ":\n" + out);
        return out;
    }

    private static JsonNode onlyManifest(Path backups) throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.walk(backups)) {
            archives = files.filter(path -> path.toString().endsWith(".zip")).toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        try (ZipFile zip = new ZipFile(archives.get(0).toFile())) {
            return JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
        }
    }

    private static void execute(ScratchDatabases.Scratch database, String... sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static List<String> strings(ScratchDatabases.Scratch database, String sql) throws Exception {
        try (Connection connection = database.connect()) {
            return strings(connection, sql);
        }
    }

    private static List<String> strings(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return strings(connection, sql);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
