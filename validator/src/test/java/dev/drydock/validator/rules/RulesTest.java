package dev.drydock.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.drydock.validator.CliRun.findings;
import static dev.drydock.validator.CliRun.json;
import static dev.drydock.validator.CliRun.rules;
import static dev.drydock.validator.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of this catalogue: a case that fires and one that must stay silent. */
class RulesTest {

    @TempDir
    Path dir;

    private void pair(String version, String name, String forward, String rollback) {
        write(dir, "V" + version + "__" + name + ".sql", forward);
        write(dir, "U" + version + "__" + name + ".sql", rollback);
    }

    private JsonNode validate(String... extra) {
        String[] args = new String[extra.length + 1];
        System.arraycopy(extra, 0, args, 0, extra.length);
        args[extra.length] = dir.toString();
        return json(args);
    }

    @Test
    void aCleanSetHasNoFinding() {
        pair("1", "users", "CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        pair("2", "fn", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;\n"
                + "DO $$ BEGIN PERFORM f(); END $$;\nGRANT SELECT ON users TO reporting;", "DROP FUNCTION f();");
        JsonNode report = validate();
        assertEquals(List.of(), findings(report));
        assertEquals(4, report.get("files").asInt());
        assertEquals(6, report.get("statements").asInt());
    }

    @Test
    void syntaxErrorsPointWhereTheDatabaseComplains() {
        pair("1", "a", "CREATE TABLE a (\n  id int,\n  name text,\n);", "DROP TABLE IF EXISTS a;");
        pair("2", "b", "SELECT 1;\nCREAT TABLE b (id int);", "SELECT 1;");
        pair("3", "c", "SELECT 'unclosed;\n", "SELECT (1;");
        pair("4", "d", "DROP INDEX CONCURRENTLY IF EXISTS public.i, \"J\" CASCADE;", "DROP INDEX users_email ON users;");
        assertEquals(List.of("syntax-error@U3__c.sql:1:10", "syntax-error@U4__d.sql:1:24", "syntax-error@V1__a.sql:4:1",
                "syntax-error@V2__b.sql:2:1", "syntax-error@V3__c.sql:1:8"), findings(validate(), "syntax-error"));
    }

    @Test
    void sqliteSyntaxIsJudgedBySqlite() {
        write(dir, "0000_init.sql", "CREATE TABLE a (id integer NOT NUL);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                + "  UPDATE a SET id = CASE WHEN NEW.id > 0 THEN 1 ELSE 2 END;\nEND;\n");
        write(dir, "rollback/0000_init.sql", "DROP TABLE a;");
        write(dir, "0001_ok.sql", "INSERT OR IGNORE INTO a (id) VALUES (1), (2);\nALTER TABLE a RENAME TO b;\n");
        write(dir, "rollback/0001_ok.sql", "ALTER TABLE b RENAME TO a;");
        JsonNode report = validate("--dialect", "sqlite");
        assertEquals(List.of("syntax-error@0000_init.sql:1:32"), findings(report, "syntax-error"));
        JsonNode syntaxError = report.get("findings").findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("syntax-error")).findFirst().orElseThrow();
        assertTrue(syntaxError.get("message").asText().contains("'NUL'"));
        assertEquals("sqlite", syntaxError.get("dialect").asText());
    }

    @Test
    void emptyMigrationAndEmptyRollback() {
        pair("1", "a", "-- only a comment\n", "/* nothing */");
        pair("2", "b", "SELECT 1;", "SELECT 1;");
        assertEquals(List.of("rollback-empty@U1__a.sql:1:1", "empty-migration@V1__a.sql:1:1"), findings(validate()));
    }

    @Test
    void filenameConventionAndDuplicateVersion() {
        pair("1", "a", "SELECT 1;", "SELECT 1;");
        write(dir, "V1.0__again.sql", "SELECT 1;");
        write(dir, "V2_one_underscore.sql", "SELECT 1;");
        write(dir, "afterMigrate.sql", "SELECT 1;");
        List<String> found = findings(validate());
        assertTrue(found.contains("duplicate-version@V1.0__again.sql:1:1") || found.contains("duplicate-version@V1__a.sql:1:1"), found.toString());
        assertTrue(found.contains("filename-convention@V2_one_underscore.sql:1:1"), found.toString());
        assertEquals(2, rules(validate()).stream().filter(r -> r.equals("duplicate-version") || r.equals("filename-convention")).count());
    }

    @Test
    void sharedNumbersAreNoDuplicateWhereTheRunnerOrdersByName() {
        write(dir, "0002_a.up.sql", "SELECT 1;");
        write(dir, "0002_a.down.sql", "SELECT 1;");
        write(dir, "0002_b.up.sql", "SELECT 1;");
        write(dir, "0002_b.down.sql", "SELECT 1;");
        assertEquals(List.of(), findings(validate()));
    }

    @Test
    void rollbackMissingAndOrphan() {
        write(dir, "V1__a.sql", "CREATE TABLE a (id int);");
        write(dir, "V2__b.sql", "-- drydock:irreversible backfill cannot be undone\nUPDATE a SET id = 1;");
        write(dir, "U9__gone.sql", "SELECT 1;");
        assertEquals(List.of("rollback-missing@V1__a.sql:1:1", "rollback-orphan@U9__gone.sql:1:1"),
                findings(validate(), "rollback-missing", "rollback-orphan").stream().sorted((a, b) -> a.startsWith("rollback-missing") ? -1 : 1).toList());
    }

    @Test
    void historyMutatedAndOutOfOrder() throws Exception {
        pair("1", "a", "CREATE TABLE a (id int);", "DROP TABLE a;");
        pair("3", "c", "CREATE TABLE c (id int);", "DROP TABLE c;");
        pair("4", "d", "CREATE TABLE d (id int);", "DROP TABLE d;");
        write(dir, "R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        assertEquals(0, CliRun.of("hash", dir.toString()).exit());
        assertEquals(List.of(), findings(validate(), "history-mutated", "out-of-order"), "an unchanged history is clean");

        write(dir, "V1__a.sql", "CREATE TABLE a (id bigint);");
        Files.move(dir.resolve("V3__c.sql"), dir.resolve("V3__renamed.sql"));
        Files.move(dir.resolve("U3__c.sql"), dir.resolve("U3__renamed.sql"));
        Files.delete(dir.resolve("V4__d.sql"));
        Files.delete(dir.resolve("U4__d.sql"));
        write(dir, "R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 2;");
        pair("2", "b", "CREATE TABLE b (id int);", "DROP TABLE b;");
        pair("5", "e", "CREATE TABLE e (id int);", "DROP TABLE e;");
        List<String> found = findings(validate(), "history-mutated", "out-of-order");
        assertEquals(List.of("history-mutated@V1__a.sql:1:1", "history-mutated@V3__renamed.sql:1:1",
                "history-mutated@migrations.sum:1:1", "out-of-order@V2__b.sql:1:1"), found.stream().sorted().toList());
    }

    @Test
    void aHandEditedSumFileIsReported() throws Exception {
        pair("1", "a", "SELECT 1;", "SELECT 1;");
        CliRun.of("hash", dir.toString());
        Path sum = dir.resolve("migrations.sum");
        Files.writeString(sum, Files.readString(sum).replace(" V1__a.sql", " V1__b.sql"));
        assertTrue(findings(validate()).contains("history-mutated@migrations.sum:1:1"));
    }

    @Test
    void suppressionsHideFindingsAndUnusedOnesAreReported() {
        write(dir, "V1__a.sql", "-- drydock:ignore-file rollback-missing seed data stays\nCREATE TABLE IF NOT EXISTS t (id int);\nINSERT INTO t VALUES (1);\n");
        write(dir, "V2__b.sql", "-- drydock:ignore-file rollback-missing reason\n-- drydock:ignore syntax-error nothing wrong\n"
                + "SELECT 1;\n-- drydock:ignore syntax-error known\nSELECT (1;\n-- drydock:ignore no-such-rule x\nSELECT 2;\n"
                + "-- drydock:frobnicate\n");
        assertEquals(List.of("unused-suppression@V2__b.sql:2:1", "unused-suppression@V2__b.sql:6:1",
                "unused-suppression@V2__b.sql:8:1"), findings(validate()));
    }

    @Test
    void configSetsSeveritiesAndSwitchesRulesOff() {
        pair("1", "a", "SELECT 1;", "SELECT 1;");
        write(dir, "V2__b.sql", "");
        Path config = write(dir.resolveSibling(dir.getFileName() + "-cfg"), "drydock.yaml",
                "migrations:\n  dir: " + dir + "\nvalidator:\n  rules: { rollback-missing: warning, empty-migration: off }\n");
        JsonNode report = json("--config", config.toString());
        assertEquals(List.of("rollback-missing@V2__b.sql:1:1"), findings(report));
        assertEquals("warning", report.get("findings").get(0).get("severity").asText());
        assertEquals(0, report.get("summary").get("errors").asInt());
    }

    @Test
    void namedFilesAreReportedWithTheirPartnerAndJudgedWithTheirFolder() {
        write(dir, "V1__a.sql", "SELECT 1;");
        pair("2", "b", "SELECT (1;", "SELECT 1;");
        JsonNode report = json(dir.resolve("V2__b.sql").toString());
        assertEquals(List.of("syntax-error@V2__b.sql:1:10"), findings(report));
        assertEquals(2, report.get("files").asInt(), "the forward file and its rollback, not V1");
        assertEquals(List.of("syntax-error@V2__b.sql:1:10"), findings(json(dir.resolve("U2__b.sql").toString())),
                "a run naming only the rollback judges the whole migration");
        assertEquals(List.of("rollback-missing@V1__a.sql:1:1"), findings(json(dir.resolve("V1__a.sql").toString())));
    }
}
