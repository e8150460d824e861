package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.SourcePosition;
import dev.drydock.shared.sql.SqlComment;
import dev.drydock.validator.parse.ParsedScript;
import dev.drydock.validator.parse.ParsedStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@code drydock:ignore} (next statement) and {@code drydock:ignore-file} directives of the scripts read:
 * which findings they hide, and which of them hid nothing ({@code unused-suppression}).
 */
final class Suppressions {

    private static final Set<String> OTHER_DIRECTIVES = Set.of("drydock:irreversible", "drydock:no-transaction");
    private static final Comparator<SourcePosition> ORDER =
            Comparator.comparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);

    /** One rule id of one directive, with the span it covers (null span: the whole file). */
    private static final class Entry {
        final String file;
        final String rule;
        final SqlComment comment;
        final SourcePosition from;
        final SourcePosition to;
        boolean used;

        Entry(String file, String rule, SqlComment comment, SourcePosition from, SourcePosition to) {
            this.file = file;
            this.rule = rule;
            this.comment = comment;
            this.from = from;
            this.to = to;
        }

        boolean covers(Finding finding) {
            return finding.file().equals(file) && finding.rule().equals(rule)
                    && (from == null || ORDER.compare(finding.start(), from) >= 0 && ORDER.compare(finding.start(), to) <= 0);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Finding> malformed = new ArrayList<>();

    Suppressions(Analysis analysis) {
        for (Script script : analysis.parsed().keySet()) {
            analysis.primary(script).ifPresent(this::read);
        }
    }

    private void read(ParsedScript parsed) {
        String file = parsed.script().displayPath();
        for (SqlComment comment : parsed.directives()) {
            String[] words = comment.body().split("\\s+", 3);
            String directive = words[0];
            if (OTHER_DIRECTIVES.contains(directive)) {
                continue;
            }
            boolean wholeFile = directive.equals("drydock:ignore-file");
            if (!wholeFile && !directive.equals("drydock:ignore")) {
                malformed.add(unused(file, comment, "unknown directive '" + directive + "'; write drydock:ignore,"
                        + " drydock:ignore-file, drydock:irreversible or drydock:no-transaction"));
                continue;
            }
            if (words.length < 2) {
                malformed.add(unused(file, comment, directive + " names no rule; write '-- " + directive
                        + " rule-id reason'"));
                continue;
            }
            SourcePosition[] span = wholeFile ? new SourcePosition[2] : nextStatement(parsed, comment);
            for (String rule : Arrays.stream(words[1].split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList()) {
                if (RuleCatalog.byId(rule).isEmpty()) {
                    malformed.add(unused(file, comment, "'" + rule + "' is no rule id; 'validator rules' lists them"));
                } else if (span == null) {
                    malformed.add(unused(file, comment, directive + " " + rule + " has no statement after it to apply to"));
                } else {
                    entries.add(new Entry(file, rule, comment, span[0], span[1]));
                }
            }
        }
    }

    private static SourcePosition[] nextStatement(ParsedScript parsed, SqlComment comment) {
        for (ParsedStatement statement : parsed.statements()) {
            if (statement.source().startOffset() > comment.offset()) {
                return new SourcePosition[] {statement.source().start(), statement.source().end()};
            }
        }
        return null;
    }

    /** Whether a suppression hides {@code finding}; marks that suppression used. */
    boolean hides(Finding finding) {
        boolean hidden = false;
        for (Entry entry : entries) {
            if (entry.covers(finding)) {
                entry.used = true;
                hidden = true;
            }
        }
        return hidden;
    }

    /** Suppressions that hid nothing, for rules that are switched on, plus malformed directives. */
    List<Finding> unused(Set<String> rulesOff) {
        List<Finding> findings = new ArrayList<>(malformed);
        for (Entry entry : entries) {
            if (!entry.used && !rulesOff.contains(entry.rule)) {
                findings.add(unused(entry.file, entry.comment, "this drydock:ignore of " + entry.rule
                        + " suppresses nothing; remove it so it cannot hide a real finding later"));
            }
        }
        return findings;
    }

    private static Finding unused(String file, SqlComment comment, String message) {
        Rule rule = UnusedSuppression.RULE;
        SourcePosition at = comment.position();
        return new Finding(rule.id(), rule.defaultSeverity(), file, at,
                new SourcePosition(at.line(), at.column() + comment.body().length() + 3), null, message);
    }
}
