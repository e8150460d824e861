package dev.drydock.validator;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SumFile;
import dev.drydock.shared.migration.Version;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.validator.parse.ParsedScript;
import dev.drydock.validator.parse.StatementParser;
import dev.drydock.validator.report.Report;
import dev.drydock.validator.rules.Analysis;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.RuleEngine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validator as a library: give it a migration set and the dialects to check, get a {@link Report}.
 *
 * <p>When {@code namedFiles} is given (a pre-commit run), the whole set is still discovered and hashed so
 * history and pairing are judged in context, but only the named files and their partners are read and parsed,
 * and only their findings (and those about {@code migrations.sum}) are reported. A migration is judged whole: a
 * commit that changes only a rollback gets every finding the folder run has for that migration, its
 * {@code rollback-not-inverse} included.
 */
public final class Validator {

    /** What is still reported on history at or below the baseline: what a rewrite of applied history cannot fix is not. */
    private static final Set<String> HISTORY_RULES = Set.of("syntax-error", "history-mutated", "out-of-order",
            "duplicate-version", "filename-convention");

    private final RuleEngine engine;
    private final Set<String> largeTables;
    private final Optional<String> baseline;

    public Validator(Map<String, String> severities) {
        this(severities, List.of(), Optional.empty());
    }

    /**
     * @param largeTables tables whose safety findings are raised to errors ({@code validator.largeTables})
     * @param baseline    {@code validator.baseline}: migrations at or below it are history; empty to take the one
     *                    {@code migrations.sum} records, if any
     */
    public Validator(Map<String, String> severities, List<String> largeTables, Optional<String> baseline) {
        this.engine = new RuleEngine(severities);
        this.largeTables = largeTables.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.baseline = baseline;
    }

    /**
     * @param namedFiles display paths of the files to report on; empty to report on the whole set
     * @param sumDisplay how reports name the set's {@code migrations.sum}
     */
    public Report validate(MigrationSet set, List<DialectTarget> dialects, Optional<Set<String>> named,
                           String sumDisplay) {
        Optional<Set<String>> namedFiles = named.map(files -> withPartners(set, files));
        List<Script> scripts = scriptsToRead(set, namedFiles);
        Map<Script, List<ParsedScript>> parsed = new ConcurrentHashMap<>();
        List<StatementParser> parsers = dialects.stream().map(StatementParser::new).toList();
        List<String> notes = new ArrayList<>();
        try {
            scripts.parallelStream().forEach(script ->
                    parsed.put(script, parsers.stream().map(parser -> parser.parse(script)).toList()));
            if (!scripts.isEmpty() && parsers.stream().anyMatch(StatementParser::lacksPostgresGrammar)) {
                notes.add(StatementParser.MISSING_POSTGRES_GRAMMAR);
            }
        } finally {
            parsers.forEach(StatementParser::close);
        }
        Map<Script, ParsedScript> context = readForContext(set, parsed.keySet(), dialects.get(0));
        Optional<SumFile> sum = SumFile.read(set.sumFile(), sumDisplay);
        RuleEngine.Outcome outcome = engine.run(new Analysis(set, dialects, parsed, context, sum, sumDisplay, largeTables));
        List<Finding> findings = outcome.findings();
        Optional<Version> history = baseline.or(() -> sum.flatMap(SumFile::baseline)).map(Version::parse);
        if (history.isPresent()) {
            findings = withoutSettledHistory(set, findings, history.get());
        }
        if (namedFiles.isPresent()) {
            Set<String> reported = namedFiles.get();
            findings = findings.stream().filter(f -> reported.contains(f.file()) || f.file().equals(sumDisplay)).toList();
        }
        Set<Object> files = new LinkedHashSet<>();
        int statements = 0;
        for (Script script : scripts) {
            files.add(script.file().path()); // a Liquibase changelog is one file, whatever its changesets
            statements += parsed.get(script).get(0).statements().size();
        }
        return new Report(files.size(), statements, findings, notes, details(outcome.dataChecks()));
    }

    /** What {@code --verbose} adds: how many data statements Calcite validated, and why the others were not. */
    private static List<String> details(RuleEngine.DataChecks checks) {
        List<String> details = new ArrayList<>();
        int unchecked = checks.unchecked().values().stream().mapToInt(Integer::intValue).sum();
        details.add(checks.checked() + " data statement(s) validated against the replayed schema, " + unchecked
                + " not checked");
        checks.unchecked().forEach((reason, count) -> details.add("  " + count + " not checked: " + reason));
        return details;
    }

    /**
     * Drops, for migrations at or below the baseline, every finding only a rewrite of applied history could fix: a
     * mature project adopts the validator without dozens of errors on migrations applied years ago.
     */
    private static List<Finding> withoutSettledHistory(MigrationSet set, List<Finding> findings, Version baseline) {
        Set<String> settled = new java.util.HashSet<>();
        for (Migration migration : set.migrations()) {
            if (migration.version().isPresent() && migration.version().get().compareTo(baseline) <= 0) {
                settled.add(migration.forward().displayPath());
                migration.rollback().map(Script::displayPath).ifPresent(settled::add);
            }
        }
        return findings.stream().filter(f -> !settled.contains(f.file()) || HISTORY_RULES.contains(f.rule())).toList();
    }

    /** The named files with the other file of each migration they belong to (forward and rollback). */
    private static Set<String> withPartners(MigrationSet set, Set<String> named) {
        Set<String> files = new LinkedHashSet<>(named);
        for (Migration migration : set.migrations()) {
            List<String> pair = new ArrayList<>();
            pair.add(migration.forward().displayPath());
            migration.rollback().map(Script::displayPath).ifPresent(pair::add);
            if (pair.stream().anyMatch(named::contains)) {
                files.addAll(pair);
            }
        }
        return files;
    }

    /** The forward scripts not read for reporting, read only so that the schema replay is complete. */
    private static Map<Script, ParsedScript> readForContext(MigrationSet set, Set<Script> read, DialectTarget dialect) {
        List<Script> unread = set.migrations().stream().map(Migration::forward).filter(s -> !read.contains(s)).toList();
        if (unread.isEmpty()) {
            return Map.of();
        }
        Map<Script, ParsedScript> context = new ConcurrentHashMap<>();
        try (StatementParser parser = StatementParser.forContext(dialect)) {
            unread.parallelStream().forEach(script -> context.put(script, parser.parse(script)));
        }
        return context;
    }

    private static List<Script> scriptsToRead(MigrationSet set, Optional<Set<String>> namedFiles) {
        List<Script> all = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            all.add(migration.forward());
            migration.rollback().ifPresent(all::add);
        }
        all.addAll(set.orphanRollbacks());
        if (namedFiles.isEmpty()) {
            return all;
        }
        return all.stream().filter(script -> namedFiles.get().contains(script.displayPath())).toList();
    }
}
