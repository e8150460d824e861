package dev.drydock.validator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.validator.Validator;
import dev.drydock.validator.rules.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Squawk (the npm package's own binary, installed by .ci/run and bench/validator.sh under bench/.work) and the
 * validator on the up and down files of every PostgreSQL corpus: for each squawk rule with a Drydock counterpart,
 * the statements both flag, only squawk flags and only Drydock flags. The table and a sample of each difference go
 * to target/agreement/squawk-parity.md; docs/performance.md judges them.
 */
class SquawkParityTest {

    /** squawk's rule, Drydock's counterpart. */
    private static final Map<String, String> COUNTERPARTS = new LinkedHashMap<>();

    static {
        COUNTERPARTS.put("syntax-error", "syntax-error");
        COUNTERPARTS.put("require-concurrent-index-creation", "blocking-index-build");
        COUNTERPARTS.put("require-concurrent-index-deletion", "blocking-index-drop");
        COUNTERPARTS.put("adding-not-nullable-field", "set-not-null-scan");
        COUNTERPARTS.put("disallowed-unique-constraint", "unique-constraint-blocking");
        COUNTERPARTS.put("constraint-missing-not-valid", "constraint-without-not-valid");
        COUNTERPARTS.put("adding-foreign-key-constraint", "constraint-without-not-valid");
        COUNTERPARTS.put("adding-required-field", "not-null-without-default");
        COUNTERPARTS.put("changing-column-type", "table-rewrite");
        COUNTERPARTS.put("adding-field-with-default", "table-rewrite");
        COUNTERPARTS.put("ban-drop-column", "destructive-drop");
        COUNTERPARTS.put("ban-drop-table", "destructive-drop");
        COUNTERPARTS.put("renaming-column", "breaking-rename");
        COUNTERPARTS.put("renaming-table", "breaking-rename");
        COUNTERPARTS.put("transaction-nesting", "transaction-control");
        COUNTERPARTS.put("ban-concurrent-index-creation-in-transaction", "concurrent-in-transaction");
        COUNTERPARTS.put("prefer-robust-stmts", "non-idempotent-ddl");
    }

    private static final int SAMPLES = 8;

    @TempDir
    static Path work;

    @Test
    void squawkAndDrydockOnThePostgresqlCorpora() throws Exception {
        Path squawk = squawk();
        Map<String, Set<String>> squawkFlags = new TreeMap<>();
        Map<String, Set<String>> drydockFlags = new TreeMap<>();
        Map<String, String> statementText = new TreeMap<>();
        Set<String> onNewTable = new TreeSet<>();
        Set<String> inRollback = new TreeSet<>();
        int files = 0;
        for (CorpusSet corpus : CorpusSet.all().stream().filter(c -> c.dialect().equals("postgresql")).toList()) {
            MigrationSet set = corpus.discover(work);
            Map<Path, List<SqlStatement>> statements = new LinkedHashMap<>();
            for (Script script : scripts(set)) {
                List<SqlStatement> split = new SqlSplitter(Dialect.POSTGRESQL).split(script.file().text(), script.from(),
                        script.to(), script.file().lines()).statements();
                statements.computeIfAbsent(script.file().path(), path -> new ArrayList<>()).addAll(split);
                boolean rollback = set.migrations().stream().anyMatch(m -> m.rollback().filter(script::equals).isPresent());
                classify(script.file().path(), split, rollback, onNewTable, inRollback);
            }
            files += statements.size();
            for (JsonNode finding : runSquawk(squawk, statements.keySet())) {
                String rule = finding.get("rule_name").asText();
                Path file = Path.of(finding.get("file").asText());
                statementAt(statements.get(file), finding.get("line").asInt() + 1).ifPresent(statement ->
                        flag(squawkFlags, statementText, COUNTERPARTS.getOrDefault(rule, null) == null ? null : rule,
                                file, statement));
            }
            List<Finding> findings = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(Dialect.POSTGRESQL)),
                    Optional.empty(), "migrations.sum").findings();
            for (Finding finding : findings) {
                Path file = Path.of(finding.file());
                if (!statements.containsKey(file) || !COUNTERPARTS.containsValue(finding.rule())) {
                    continue;
                }
                statementAt(statements.get(file), finding.start().line()).ifPresent(statement ->
                        flag(drydockFlags, statementText, finding.rule(), file, statement));
            }
        }
        StringBuilder table = new StringBuilder("| Drydock rule | squawk rules | both | only squawk | of which on a table"
                + " created in the same file | of which in a rollback | only Drydock |\n|---|---|---|---|---|---|---|\n");
        StringBuilder samples = new StringBuilder();
        int agreements = 0;
        for (String rule : new java.util.LinkedHashSet<>(COUNTERPARTS.values())) {
            List<String> squawkRules = COUNTERPARTS.entrySet().stream().filter(e -> e.getValue().equals(rule))
                    .map(Map.Entry::getKey).toList();
            Set<String> bySquawk = new TreeSet<>();
            squawkRules.forEach(r -> bySquawk.addAll(squawkFlags.getOrDefault(r, Set.of())));
            Set<String> byDrydock = drydockFlags.getOrDefault(rule, Set.of());
            Set<String> both = new TreeSet<>(bySquawk);
            both.retainAll(byDrydock);
            Set<String> onlySquawk = new TreeSet<>(bySquawk);
            onlySquawk.removeAll(byDrydock);
            Set<String> onlyDrydock = new TreeSet<>(byDrydock);
            onlyDrydock.removeAll(bySquawk);
            agreements += both.size();
            table.append("| ").append(rule).append(" | ").append(String.join(", ", squawkRules)).append(" | ")
                    .append(both.size()).append(" | ").append(onlySquawk.size()).append(" | ")
                    .append(onlySquawk.stream().filter(onNewTable::contains).count()).append(" | ")
                    .append(onlySquawk.stream().filter(k -> inRollback.contains(k) && !onNewTable.contains(k)).count())
                    .append(" | ").append(onlyDrydock.size()).append(" |\n");
            Set<String> otherwise = new TreeSet<>(onlySquawk);
            otherwise.removeAll(onNewTable);
            otherwise.removeAll(inRollback);
            sample(samples, rule + ": only squawk, on an older table in a forward script", otherwise, statementText);
            sample(samples, rule + ": only Drydock", onlyDrydock, statementText);
        }
        String report = "squawk " + version(squawk) + " and Drydock on " + files + " up and down files of the PostgreSQL"
                + " corpora, statement by statement\n\n" + table + "\n" + samples;
        Path out = Path.of("target", "agreement", "squawk-parity.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(table);
        assertTrue(files > 1000, "only " + files + " files");
        assertTrue(agreements > 100, "squawk and Drydock agree on only " + agreements + " statements: " + out.toAbsolutePath());
    }

    private static void flag(Map<String, Set<String>> flags, Map<String, String> text, String rule, Path file,
                             SqlStatement statement) {
        if (rule == null) {
            return;
        }
        String key = dev.drydock.shared.testing.Corpora.root().relativize(file) + ":" + statement.start().line();
        flags.computeIfAbsent(rule, r -> new TreeSet<>()).add(key);
        String firstLine = statement.text().strip().split("\n", 2)[0];
        text.putIfAbsent(key, firstLine.length() > 120 ? firstLine.substring(0, 120) + "..." : firstLine);
    }

    private static final java.util.regex.Pattern CREATE_TABLE = java.util.regex.Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?");

    /**
     * Notes which statements work on a table the same file created before them (Drydock exempts those: nobody
     * else has it yet) and which stand in a rollback (where Drydock does not report what a rollback is for).
     */
    private static void classify(Path file, List<SqlStatement> statements, boolean rollback, Set<String> onNewTable,
                                 Set<String> inRollback) {
        Set<String> created = new java.util.HashSet<>();
        for (SqlStatement statement : statements) {
            String key = dev.drydock.shared.testing.Corpora.root().relativize(file) + ":" + statement.start().line();
            if (rollback) {
                inRollback.add(key);
            }
            String lower = statement.text().toLowerCase(java.util.Locale.ROOT);
            if (created.stream().anyMatch(table -> lower.matches("(?s).*\\b" + table + "\\b.*"))) {
                onNewTable.add(key);
            }
            java.util.regex.Matcher create = CREATE_TABLE.matcher(statement.text());
            if (create.find()) {
                created.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static void sample(StringBuilder out, String title, Set<String> keys, Map<String, String> text) {
        if (keys.isEmpty()) {
            return;
        }
        out.append("### ").append(title).append(" (").append(keys.size()).append(")\n\n");
        keys.stream().limit(SAMPLES).forEach(key -> out.append("- `").append(key).append("`: `")
                .append(text.get(key).replace('`', '\'')).append("`\n"));
        out.append('\n');
    }

    private static Optional<SqlStatement> statementAt(List<SqlStatement> statements, int line) {
        if (statements == null) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.start().line() <= line && line <= s.end().line()).findFirst();
    }

    private static List<Script> scripts(MigrationSet set) {
        List<Script> scripts = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            scripts.add(migration.forward());
            migration.rollback().ifPresent(scripts::add);
        }
        return scripts;
    }

    private static List<JsonNode> runSquawk(Path squawk, Set<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(squawk.toString(), "--reporter", "json"));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor();
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(out).forEach(findings::add);
        return findings;
    }

    private static String version(Path squawk) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(squawk.toString(), "--version").start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return text.replace("squawk ", "");
    }

    /** squawk's binary, as .ci/run and bench/validator.sh install it; the test is skipped without it (not under CI). */
    private static Path squawk() {
        Path binary = Path.of(System.getProperty("drydock.root"), "bench", ".work", "squawk", "node_modules",
                "@squawk-cli", "linux-x64", "bin", "squawk");
        if (!Files.isExecutable(binary) && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("squawk is not installed at " + binary + "; bench/validator.sh installs it");
        }
        assertTrue(Files.isExecutable(binary), binary + " is missing: .ci/run installs it");
        return binary;
    }
}
