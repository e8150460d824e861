package dev.drydock.shared.config;

import dev.drydock.shared.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("drydock.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void loadsTheDesignExample() throws Exception {
        DrydockConfig config = ConfigLoader.load(write("""
                migrations:
                  dir: db/migrations
                  layout: flyway
                  dialects: [postgresql:15, sqlite]
                  transactional: false
                validator:
                  rules: { rollback-missing: warning, empty-migration: off }
                  largeTables: [events]
                environments:
                  dev:        { url: "jdbc:sqlite:./dev.db" }
                  production:
                    url: "jdbc:postgresql://db.internal:5432/app"
                    user: "${PGUSER}"
                    password: "${PGPASSWORD}"
                    protected: true
                    backup: { required: true, maxAge: 24h }
                backup:
                  store: "s3://bucket/prefix"
                  s3: { endpoint: "http://127.0.0.1:9000", region: us-east-1, pathStyle: true, sse: AES256 }
                  http: { bind: 127.0.0.1, port: 9464 }
                  jobs:
                    - environment: production
                      schedule: "0 0 2 * * ?"
                      verify: restore
                      verifyUrl: "jdbc:postgresql://127.0.0.1:5432/postgres"
                      retention: { keepLast: 3, daily: 7, weekly: 4, monthly: 6 }
                """));
        assertEquals(dir.resolve("db/migrations"), config.migrations().dir());
        assertEquals("flyway", config.migrations().layout());
        assertEquals(Dialect.POSTGRESQL, config.migrations().dialects().get(0).dialect());
        assertEquals("15", config.migrations().dialects().get(0).version());
        assertFalse(config.migrations().transactional());
        assertEquals("off", config.validator().rules().get("empty-migration"));
        EnvironmentConfig production = config.environments().get("production");
        assertTrue(production.isProtected());
        assertEquals(Duration.ofHours(24), production.backupMaxAge());
        assertEquals("****", production.password().toString());
        assertEquals(3, config.backup().jobs().get(0).retention().keepLast());
        assertEquals("restore", config.backup().jobs().get(0).verify());
    }

    @Test
    void theShippedExampleConfigLoads() {
        Path example = Path.of(System.getProperty("drydock.root", ".."), "ops", "drydock.example.yaml");
        DrydockConfig config = ConfigLoader.load(example);
        assertEquals("auto", config.migrations().layout());
        assertTrue(config.environments().get("production").isProtected());
    }

    @Test
    void anEmptyFileMeansDefaults() throws Exception {
        DrydockConfig config = ConfigLoader.load(write("\n"));
        assertEquals("auto", config.migrations().layout());
        assertEquals(dir.resolve("db/migrations"), config.migrations().dir());
        assertTrue(config.migrations().transactional());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheKnownKeys() throws Exception {
        Path file = write("migrations:\n  dir: db\n  layot: flyway\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":3: key 'migrations.layot': unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("layout"), e.getMessage());
    }

    @Test
    void badYamlNamesTheLine() throws Exception {
        Path file = write("migrations:\n  dir: 'unclosed\n  layout: flyway\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*drydock\\.yaml:\\d+: .*"), e.getMessage());
    }

    @Test
    void aWrongValueKindNamesTheKey() throws Exception {
        Path file = write("migrations:\n  transactional: maybe\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("'migrations.transactional'"), e.getMessage());
    }

    @Test
    void theHistoryIsTheRunnersOwnUnlessFlywayIsNamed() throws Exception {
        assertFalse(ConfigLoader.load(write("migrations:\n  layout: dbmate\n")).migrations().flywayHistory());
        assertTrue(ConfigLoader.load(write("migrations:\n  history: flyway\n")).migrations().flywayHistory());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("migrations:\n  history: liquibase\n")));
        assertTrue(e.getMessage().contains("'migrations.history'") && e.getMessage().contains("native"),
                e.getMessage());
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertTrue(message("migrations:\n  layout: alembic\n").contains("'migrations.layout': 'alembic' is no layout"));
        assertTrue(message("migrations:\n  dialects: [oracle]\n").contains("'migrations.dialects[0]'"));
        assertTrue(message("migrations:\n  layout: custom\n").contains("'migrations.forward'"));
        assertTrue(message("migrations:\n  layout: custom\n  forward: '(?<v>\\d+)'\n").contains("(?<version>"));
        assertTrue(message("migrations:\n  layout: custom\n  forward: '(?<version>'\n").contains("not a valid regular"));
        assertTrue(message("validator:\n  rules: { syntax-error: fatal }\n").contains("'validator.rules.syntax-error'"));
        assertTrue(message("environments:\n  prod: { url: x, backup: { maxAge: soon } }\n").contains("maxAge"));
        assertTrue(message("backup:\n  store: ftp://x\n").contains("'backup.store'"));
    }

    @Test
    void valuesTheProgramsCouldNotUseAreNamedHereNotFailedOnLater() throws Exception {
        assertTrue(message("environments:\n  prod: { url: x, backup: { maxAge: 99999999999999999999d } }\n")
                .contains("'environments.prod.backup.maxAge': '99999999999999999999d' is longer than any backup"));
        assertTrue(message("backup:\n  http: { port: 99999 }\n").contains("'backup.http.port': 99999 is no TCP port"));
        assertTrue(message("backup:\n  store: \"s3://\"\n").contains("'backup.store': 's3://' names no valid bucket"));
        assertTrue(message("backup:\n  store: \"file:/tmp/\\0x\"\n").contains("'backup.store': not a valid path"));
        assertTrue(message("environments:\n  dev: { url: a }\n  dev: { url: b }\n").contains(":3: not valid YAML: Duplicate field 'dev'"));
        assertTrue(message("migrations: { dir: db }\n---\nother: 1\n").contains("a second YAML document"));
        assertTrue(message("backup:\n  jobs: [ { environment: nope, schedule: '0 0 3 * * ?' } ]\n")
                .contains("'backup.jobs[0].environment': no environment 'nope'"));
        assertTrue(message("environments: { dev: { url: x } }\nbackup:\n  jobs: [ { environment: dev, schedule: '0 0 3 * * ?',"
                + " retention: { keepLast: -3 } } ]\n").contains("'backup.jobs[0].retention.keepLast': -3 is negative"));
    }

    private String message(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    }

    @Test
    void aMissingFileSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void theDefaultFileIsOptional() throws Exception {
        assertTrue(ConfigLoader.loadDefault(dir).isEmpty());
        write("migrations:\n  dir: sql\n");
        assertEquals(dir.resolve("sql"), ConfigLoader.loadDefault(dir).orElseThrow().migrations().dir());
    }

    @Test
    void environmentUrlsResolveOnlyWhenUsed() throws Exception {
        DrydockConfig config = ConfigLoader.load(write("environments:\n  prod: { url: \"${DRYDOCK_TEST_UNSET_URL}\" }\n"));
        EnvironmentConfig prod = config.environments().get("prod");
        assertNull(prod.user());
        assertThrows(ConfigException.class, prod::url);
    }

    @Test
    void aReferenceWhereAFolderBelongsIsRefusedWithoutItsValue() throws Exception {
        String home = System.getenv("HOME");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("migrations:\n  dir: \"${HOME}/db\"\n")));
        assertTrue(e.getMessage().contains("migrations.dir") && e.getMessage().contains("not folders"), e.getMessage());
        assertFalse(home != null && e.getMessage().contains(home), e.getMessage());
        ConfigException file = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("migrations:\n  dir: \"${file:/etc/hostname}\"\n")));
        assertFalse(file.getMessage().contains(Files.readString(Path.of("/etc/hostname")).strip()), file.getMessage());
    }

    @Test
    void aSecretFileThatNeverEndsIsRefusedNotReadToTheEnd() throws Exception {
        DrydockConfig config = ConfigLoader.load(write("environments:\n  dev: { url: \"jdbc:sqlite:x.db\","
                + " password: \"${file:/dev/zero}\" }\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.environments().get("dev").revealPassword());
        assertTrue(e.getMessage().contains("holds more than 65536 bytes"), e.getMessage());
    }

    @Test
    void aFileFarLargerThanAConfigIsRefusedBeforeItIsParsed() throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "environments:\n  dev:\n    url: \"" + "a".repeat(2 << 20) + "\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("not a Drydock config") && e.getMessage().contains("at most 1048576"),
                e.getMessage());
    }
}
