package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.SqlComment;
import dev.drydock.validator.parse.ParsedScript;

import java.util.Optional;

/** {@code rollback-missing}, {@code rollback-orphan} and {@code rollback-empty}. */
final class PairingCheck implements Check {

    static final String IRREVERSIBLE = "drydock:irreversible";

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Migration migration : analysis.set().migrations()) {
            if (migration.repeatable() || acknowledgedIrreversible(analysis, migration.forward())) {
                continue;
            }
            if (migration.rollback().isEmpty()) {
                sink.addAtScript(RuleCatalog.ROLLBACK_MISSING, migration.forward(), "migration " + migration.id()
                        + " has no rollback; add one (" + expectedRollback(analysis, migration) + ") or, if it cannot"
                        + " be undone, mark it '-- drydock:irreversible <reason>'");
                continue;
            }
            Script rollback = migration.rollback().get();
            Optional<ParsedScript> parsed = analysis.primary(rollback);
            if (parsed.isPresent() && parsed.get().isEmpty()) {
                sink.addAtScript(RuleCatalog.ROLLBACK_EMPTY, rollback, "the rollback of " + migration.id()
                        + " has no statement, so rolling back would report success and change nothing; write the"
                        + " statements that undo " + migration.forward().displayPath());
            }
        }
        for (Script orphan : analysis.set().orphanRollbacks()) {
            sink.addAtScript(RuleCatalog.ROLLBACK_ORPHAN, orphan, orphan.file().path().getFileName()
                    + " is a rollback with no forward migration of the same name; rename it to match its forward"
                    + " migration or delete it");
        }
    }

    /**
     * Read from the parsed forward script. A script that was not parsed belongs to a file a pre-commit run does
     * not report on, so its findings are dropped anyway and its file need not be opened.
     */
    private static boolean acknowledgedIrreversible(Analysis analysis, Script forward) {
        return analysis.primary(forward).stream().flatMap(parsed -> parsed.directives().stream())
                .map(SqlComment::body).anyMatch(body -> body.startsWith(IRREVERSIBLE));
    }

    private static String expectedRollback(Analysis analysis, Migration migration) {
        String name = migration.forward().file().path().getFileName().toString();
        return switch (analysis.set().layout().name()) {
            case "flyway" -> "U" + name.substring(1);
            case "golang-migrate" -> name.replace(".up.sql", ".down.sql");
            case "diesel" -> "down.sql beside up.sql";
            case "dbmate" -> "a '-- migrate:down' section";
            case "wrangler", "drizzle" -> "rollback/" + name;
            case "liquibase" -> "a '--rollback' line or a '/* liquibase rollback */' block in changeset "
                    + migration.description();
            default -> "a file matching migrations.rollback";
        };
    }
}
