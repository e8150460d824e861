package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;

/** {@code rollback-missing}: a forward migration without a rollback, unless it says it is irreversible. */
final class RollbackMissing implements Check {

    static final Rule RULE = Rule.of("rollback-missing", Severity.ERROR, "rollback",
            "a forward migration without a rollback",
            "Without a rollback, undoing this migration in an incident means writing SQL under pressure. Add the"
                    + " rollback file the layout expects (e.g. U3__name.sql, 3_name.down.sql, rollback/0003_name.sql).");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Migration migration : analysis.set().migrations()) {
            if (migration.repeatable() || migration.rollback().isPresent()
                    || IrreversibleWithoutAck.acknowledged(analysis, migration.forward())) {
                continue;
            }
            sink.addAtScript(RULE, migration.forward(), "migration " + migration.id() + " has no rollback; add one ("
                    + expectedRollback(analysis, migration) + ") or, if it cannot be undone, mark it '--"
                    + " drydock:irreversible <reason>'");
        }
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
