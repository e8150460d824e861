package dev.drydock.validator.cli;

import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.drydock.validator.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Exit codes, subcommands and bad input through the real command line. */
class ValidatorCommandTest {

    @TempDir
    Path dir;

    private Path migrations() {
        Path folder = dir.resolve("db");
        write(folder, "V1__a.sql", "CREATE TABLE a (id int);");
        write(folder, "U1__a.sql", "DROP TABLE a;");
        return folder;
    }

    private static void assertCleanError(CliRun run, String expected) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void verboseCountsTheDataStatementsCheckedAndWhyOthersWereNot() {
        Path folder = migrations();
        write(folder, "V2__data.sql", "UPDATE a SET id = 2 WHERE id = 1;\nINSERT INTO a (id) VALUES (1) ON CONFLICT DO"
                + " NOTHING;\nUPDATE a SET (id) = (SELECT 3);\n");
        write(folder, "U2__data.sql", "SELECT 1;");
        CliRun quiet = CliRun.of(folder.toString());
        assertFalse(quiet.err().contains("data statement"), quiet.err());
        CliRun verbose = CliRun.of("--verbose", folder.toString());
        assertTrue(verbose.err().contains("validator: 2 data statement(s) validated against the replayed schema, 1 not"
                + " checked"), verbose.err());
        assertTrue(verbose.err().contains("1 not checked: Calcite's parser does not read it"), verbose.err());
    }

    @Test
    void exitCodeZeroOneAndStrict() {
        Path folder = migrations();
        assertEquals(0, CliRun.of(folder.toString()).exit());
        write(folder, "V2__b.sql", "");
        write(folder, "U2__b.sql", "SELECT 1;");
        CliRun warning = CliRun.of(folder.toString());
        assertEquals(0, warning.exit(), warning.out());
        assertTrue(warning.out().contains("warning[empty-migration]"), warning.out());
        assertEquals(1, CliRun.of("--strict", folder.toString()).exit());
        write(folder, "V3__c.sql", "SELECT (;");
        assertEquals(1, CliRun.of(folder.toString()).exit());
    }

    @Test
    void writesReportsToAFile() throws Exception {
        Path report = dir.resolve("out.sarif");
        CliRun run = CliRun.of("--format", "sarif", "--output", report.toString(), migrations().toString());
        assertEquals(0, run.exit());
        assertEquals("", run.out());
        assertTrue(Files.readString(report).contains("\"version\" : \"2.1.0\""));
    }

    @Test
    void anUnwritableOutputFileExitsTwoNamingIt() {
        CliRun run = CliRun.of("--output", dir.resolve("no/such/folder/report.json").toString(), migrations().toString());
        assertCleanError(run, "no/such/folder/report.json: no such file; check the path");
    }

    @Test
    void aReportIsNeverWrittenOverTheMigrationItChecks() throws Exception {
        Path folder = migrations();
        Path forward = folder.resolve("V1__a.sql");
        assertCleanError(CliRun.of("--output", forward.toString(), folder.toString()), "is the migration");
        assertCleanError(CliRun.of("--output", folder.resolve("U1__a.sql").toString(), forward.toString()), "is the migration");
        assertEquals("CREATE TABLE a (id int);", Files.readString(forward));
    }

    @Test
    void aLiquibaseChangesetsRollbackIsReplayedAndReportedAtItsOwnLine() throws Exception {
        write(dir.resolve("lb"), "changelog.sql", """
                --liquibase formatted sql

                --changeset alice:1
                CREATE TABLE users (id integer PRIMARY KEY);
                --rollback DROP TABLE users;

                --changeset alice:2
                CREATE TABLE posts (id integer PRIMARY KEY);
                --rollback DROP TABLE users;
                """);
        Path config = Files.writeString(dir.resolve("drydock.yaml"), "migrations: { dir: lb, layout: liquibase,"
                + " dialects: [sqlite] }\nvalidator: { rules: { non-idempotent-ddl: off } }\n");
        CliRun run = CliRun.of("--config", config.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("changelog.sql:9:12: error[rollback-not-inverse] after 2 and its rollback"),
                run.out());
        assertFalse(run.out().contains("after 1 and its rollback"), run.out());
        assertTrue(run.out().contains("1 file, 4 statements"), run.out());
    }

    @Test
    void theRunnersOwnTableExistsBeforeTheFirstMigrationAsTheRunnerCreatesIt() throws Exception {
        Path golang = dir.resolve("golang");
        write(golang, "0000_alter_table_migrations.up.sql", "ALTER TABLE migrations ADD PRIMARY KEY (version);");
        write(golang, "0000_alter_table_migrations.down.sql", "ALTER TABLE migrations DROP CONSTRAINT migrations_pkey;");
        CliRun runner = CliRun.of("--dialect", "postgresql", golang.toString());
        assertFalse(runner.out().contains("unknown-object"), runner.out());
        Path flyway = dir.resolve("flyway");
        write(flyway, "V1__alter.sql", "ALTER TABLE migrations ADD PRIMARY KEY (version);");
        write(flyway, "U1__alter.sql", "ALTER TABLE migrations DROP CONSTRAINT migrations_pkey;");
        CliRun other = CliRun.of("--dialect", "postgresql", flyway.toString());
        assertTrue(other.out().contains("error[unknown-object] table migrations does not exist"), other.out());
    }

    @Test
    void aFolderWithNoMigrationExitsTwoEvenWithItsLayoutNamed() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Path config = Files.writeString(dir.resolve("drydock.yaml"), "migrations: { dir: empty, layout: flyway }\n");
        assertCleanError(CliRun.of("--config", config.toString()), "empty: no migration in this folder (layout flyway)");
    }

    @Test
    void aBaselineKeepsOnlyHistoryFindingsOnMigrationsAtOrBelowIt() throws Exception {
        Path folder = dir.resolve("adopt");
        write(folder, "V1__a.sql", "CREATE TABLE a (id int);");
        write(folder, "V2__b.sql", "CREATE TABLE b (id int);\nCREATE TABLE b2 (id int,);");
        write(folder, "V3__c.sql", "CREATE TABLE c (id int);");
        CliRun before = CliRun.of("--format", "json", folder.toString());
        assertTrue(before.out().contains("V1__a.sql") && before.out().contains("rollback-missing"), before.out());

        Path config = Files.writeString(dir.resolve("adopt.yaml"), "migrations: { dir: adopt, layout: flyway }\n"
                + "validator: { baseline: \"2\" }\n");
        CliRun adopted = CliRun.of("--config", config.toString());
        assertFalse(adopted.out().contains("V1__a.sql"), "history needs no rollback now: " + adopted.out());
        assertTrue(adopted.out().contains("V2__b.sql:2:25: error[syntax-error]"), "a syntax error still is one: " + adopted.out());
        assertTrue(adopted.out().contains("V3__c.sql:1:1: error[rollback-missing]"), "above it, all rules: " + adopted.out());

        CliRun hashed = CliRun.of("hash", "--baseline", "2", folder.toString());
        assertEquals(0, hashed.exit(), hashed.out() + hashed.err());
        assertTrue(Files.readString(folder.resolve("migrations.sum")).contains("\nbaseline 2\n"));
        CliRun withoutConfig = CliRun.of(folder.toString());
        assertFalse(withoutConfig.out().contains("V1__a.sql"), withoutConfig.out());
        assertTrue(withoutConfig.out().contains("V3__c.sql:1:1: error[rollback-missing]"), withoutConfig.out());
        assertEquals(0, CliRun.of("hash", folder.toString()).exit());
        assertTrue(Files.readString(folder.resolve("migrations.sum")).contains("\nbaseline 2\n"), "hash keeps it");
    }

    @Test
    void usageErrorsExitTwo() {
        assertCleanError(CliRun.of("--format", "yaml", migrations().toString()), "--format yaml: use one of");
        assertCleanError(CliRun.of("--dialect", "oracle", migrations().toString()), "--dialect oracle: no such dialect");
        assertEquals(2, CliRun.of("--no-such-option").exit());
    }

    @Test
    void badConfigsExitTwoNamingFileAndKey() {
        Path folder = migrations();
        Path unknown = write(dir, "unknown.yaml", "migrations:\n  dir: db\n  dialect: [postgresql]\n");
        assertCleanError(CliRun.of("--config", unknown.toString()), "unknown.yaml:3: key 'migrations.dialect': unknown key");
        Path badYaml = write(dir, "bad.yaml", "migrations: {dir: db\n");
        assertCleanError(CliRun.of("--config", badYaml.toString()), "not valid YAML");
        assertCleanError(CliRun.of("--config", dir.resolve("missing.yaml").toString()), "does not exist");
        Path badRule = write(dir, "rule.yaml", "migrations:\n  dir: db\nvalidator:\n  rules: { no-such-rule: error }\n");
        assertCleanError(CliRun.of("--config", badRule.toString()), "'validator.rules.no-such-rule'");
        Path good = write(dir, "good.yaml", "migrations:\n  dir: db\n");
        assertEquals(0, CliRun.of("--config", good.toString()).exit());
        assertEquals(0, CliRun.of("rules", "--config", good.toString()).exit(), "--config is taken after the subcommand too");
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void missingAndEmptyFoldersExitTwo() throws Exception {
        assertCleanError(CliRun.of(dir.resolve("nope").toString()), "no such file or folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertCleanError(CliRun.of(empty.toString()), "no file looks like a migration");
    }

    @Test
    void unreadableNonUtf8AndBinaryFilesExitTwo() throws Exception {
        Path folder = migrations();
        Files.write(folder.resolve("V2__latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'});
        assertCleanError(CliRun.of(folder.toString()), "V2__latin1.sql:1: not valid UTF-8 (byte 0xE9)");
        Files.delete(folder.resolve("V2__latin1.sql"));
        Files.write(folder.resolve("V2__blob.sql"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0});
        assertCleanError(CliRun.of(folder.toString()), "V2__blob.sql:1: binary content");
        Files.delete(folder.resolve("V2__blob.sql"));
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path locked = write(folder, "V3__locked.sql", "SELECT 1;");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assertCleanError(CliRun.of(folder.toString()), "V3__locked.sql: cannot read the file (permission denied)");
    }

    @Test
    void aFolderNamedLikeAMigrationIsNotTakenForOne() throws Exception {
        Path folder = migrations();
        Files.createDirectories(folder.resolve("V2__dir.sql"));
        assertEquals(0, CliRun.of(folder.toString()).exit());
    }

    @Test
    void noPathAndNoConfigSaysWhatToDo() {
        CliRun run = CliRun.of();
        if (Files.exists(Path.of("drydock.yaml"))) {
            return; // a config in the working folder makes this a normal run
        }
        assertCleanError(run, "no PATH given and no drydock.yaml");
    }

    @Test
    void hashWritesMigrationsSum() throws Exception {
        Path folder = migrations();
        CliRun run = CliRun.of("hash", folder.toString());
        assertEquals(0, run.exit(), run.err());
        String sum = Files.readString(folder.resolve("migrations.sum"));
        assertTrue(sum.lines().anyMatch(line -> line.startsWith("total sha256:")), sum);
        assertTrue(sum.lines().anyMatch(line -> line.startsWith("1 ") && line.endsWith(" V1__a.sql")), sum);
    }

    @Test
    void rulesListsTheCatalogue() {
        CliRun run = CliRun.of("rules");
        assertEquals(0, run.exit());
        for (String id : new String[] {"syntax-error", "rollback-missing", "history-mutated", "unused-suppression"}) {
            assertTrue(run.out().contains(id), id);
        }
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String[] args : new String[][] {{"--help"}, {"rules", "--help"}, {"hash", "--help"}, {"install-hook", "--help"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exit(), String.join(" ", args));
            assertTrue(run.out().contains("Examples:"), run.out());
        }
    }

    @Test
    void installHookWritesAnExecutablePreCommitHook() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Process init = new ProcessBuilder("git", "init", "-q", repo.toString()).inheritIO().start();
        assertEquals(0, init.waitFor());
        String previous = System.getProperty("user.dir");
        // install-hook looks for .git from the working folder; run it as a child process there
        Process hook = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                ValidatorCommand.class.getName(), "install-hook").directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(hook.getInputStream().readAllBytes());
        assertEquals(0, hook.waitFor(), output);
        Path script = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(script));
        String text = Files.readString(script);
        assertTrue(text.contains("git diff --cached --name-only -z"), text);
        assertTrue(text.contains(InstallHookCommand.MARK));
        Files.writeString(script, "#!/bin/sh\necho mine\n");
        Process refused = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                ValidatorCommand.class.getName(), "install-hook").directory(repo.toFile()).redirectErrorStream(true).start();
        String refusal = new String(refused.getInputStream().readAllBytes());
        assertEquals(2, refused.waitFor());
        assertTrue(refusal.contains("--force"), refusal);
        assertEquals(previous, System.getProperty("user.dir"));
    }

    @Test
    void aCommitOfABrokenRollbackAloneIsRefusedByTheInstalledHook() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("hooked"));
        git(repo, "init", "-q");
        git(repo, "config", "user.email", "dev@example.com");
        git(repo, "config", "user.name", "dev");
        // the launcher the hook calls: this build's classes, as bin/validator would run the jar
        Path launcher = Files.writeString(dir.resolve("validator.sh"), "#!/bin/sh\nexec '" + javaBin() + "' -cp '"
                + System.getProperty("java.class.path") + "' " + ValidatorCommand.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Process install = new ProcessBuilder(javaBin(), "-Ddrydock.launcher=" + launcher, "-cp",
                System.getProperty("java.class.path"), ValidatorCommand.class.getName(), "install-hook")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        assertEquals(0, install.waitFor(), new String(install.getInputStream().readAllBytes()));
        write(repo.resolve("db"), "V1__users.sql", "CREATE TABLE IF NOT EXISTS users (id int);");
        write(repo.resolve("db"), "U1__users.sql", "DROP TABLE IF EXISTS users;");
        git(repo, "add", "db");
        assertEquals(0, git(repo, "commit", "-q", "-m", "users").exit(), "a sound pair commits");

        write(repo.resolve("db"), "U1__users.sql", "SELECT 1;");
        git(repo, "add", "db/U1__users.sql");
        CliRun commit = git(repo, "commit", "-q", "-m", "only the rollback");
        assertEquals(1, commit.exit(), "the hook refuses the commit: " + commit.out());
        assertTrue(commit.out().contains("rollback-not-inverse"), commit.out());
    }

    /** Runs git in {@code repo}; the result's out holds standard output and error together. */
    private static CliRun git(Path repo, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        return new CliRun(process.waitFor(), out, "");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
