package dev.drydock.validator.cli;

import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/rules.md is what {@code validator rules} prints, and it covers every rule of the catalogue. */
class RulesDocTest {

    @Test
    void docsRulesMdIsTheCommandsOutput() throws Exception {
        Path doc = Path.of(System.getProperty("drydock.root"), "docs", "rules.md");
        CliRun run = CliRun.of("rules");
        assertEquals(0, run.exit());
        assertEquals(run.out(), Files.readString(doc), "docs/rules.md is stale: run 'bin/validator rules > docs/rules.md'");
    }

    @Test
    void everyRuleHasItsSection() {
        String out = CliRun.of("rules").out();
        for (var rule : dev.drydock.validator.rules.RuleCatalog.all()) {
            assertTrue(out.contains("\n## " + rule.id() + "\n"), rule.id());
        }
    }
}
