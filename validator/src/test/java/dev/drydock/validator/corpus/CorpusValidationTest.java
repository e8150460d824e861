package dev.drydock.validator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator over every real corpus: never a crash or exit 2, and pairing as each README counts it. */
class CorpusValidationTest {

    @TempDir
    static Path configs;

    static List<CorpusSet> corpora() {
        return CorpusSet.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void validatesWithoutCrashingAndPairsAsTheReadmeSays(CorpusSet corpus) {
        CliRun run = CliRun.of("--config", corpus.writeConfig(configs).toString(), "--format", "json");
        assertTrue(run.exit() == 0 || run.exit() == 1, corpus + " exited " + run.exit() + ": " + run.err());
        assertEquals("", run.err());
        JsonNode report = CliRun.json("--config", corpus.writeConfig(configs).toString());
        assertTrue(report.get("files").asInt() > 0, corpus.toString());
        List<String> rules = CliRun.rules(report);
        if (corpus.missing() != CorpusSet.UNKNOWN) {
            assertEquals(corpus.missing(), rules.stream().filter("rollback-missing"::equals).count(), corpus + " rollback-missing");
        }
        assertEquals(corpus.orphans(), rules.stream().filter("rollback-orphan"::equals).count(), corpus + " rollback-orphan");
    }

    /**
     * No false alarm on real, shipped migrations. The only statements called invalid are harness's rollbacks that
     * the engine itself rejects (MySQL's DROP INDEX ... ON in a PostgreSQL file; DROP CONSTRAINT and DROP COLUMN IF
     * EXISTS, which SQLite lacks and the dialect rules name), as RealDatabaseAgreementTest proves on the engines.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void raisesNoFalseSyntaxAlarm(CorpusSet corpus) {
        JsonNode report = CliRun.json("--config", corpus.writeConfig(configs).toString());
        Set<String> rejecting = Set.of("syntax-error", "dialect-unsupported", "if-not-exists-unsupported",
                "sqlite-alter-needs-rebuild", "sqlite-add-column-restriction");
        long syntaxErrors = CliRun.rules(report).stream().filter(rejecting::contains).count();
        long expected = switch (corpus.name()) {
            case "harness-pg" -> 1;
            case "harness-sqlite" -> 3;
            default -> 0;
        };
        assertEquals(expected, syntaxErrors, corpus + ": " + CliRun.findings(report).stream()
                .filter(f -> rejecting.contains(f.substring(0, f.indexOf('@')))).toList());
    }
}
