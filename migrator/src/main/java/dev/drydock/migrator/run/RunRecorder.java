package dev.drydock.migrator.run;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Flyway's callback for one run: prints each migration as it starts and ends, with its time, and remembers what
 * ran, down to the statements of a migration that fails (on MySQL and MariaDB those stay applied).
 */
public final class RunRecorder implements Callback {

    private final Consumer<String> progress;
    private final List<RunReport.Applied> applied = new ArrayList<>();
    private final List<String> statementsOfCurrent = new ArrayList<>();
    private RunReport.Failed failed;
    private long startedAt;

    public RunRecorder(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR || event == Event.AFTER_EACH_MIGRATE_STATEMENT;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                startedAt = System.nanoTime();
                statementsOfCurrent.clear();
                progress.accept("applying " + label(info) + " ...");
            }
            case AFTER_EACH_MIGRATE_STATEMENT -> {
                if (context.getStatement() != null) {
                    statementsOfCurrent.add(statementLine(context.getStatement().getSql()));
                }
            }
            case AFTER_EACH_MIGRATE -> {
                long millis = (System.nanoTime() - startedAt) / 1_000_000;
                applied.add(new RunReport.Applied(version(info), info.getDescription(), millis));
                progress.accept(String.format("applied  %s (%d ms)", label(info), millis));
            }
            case AFTER_EACH_MIGRATE_ERROR -> failed = new RunReport.Failed(version(info), info.getDescription(),
                    (System.nanoTime() - startedAt) / 1_000_000, null, List.copyOf(statementsOfCurrent));
            default -> {
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "drydock-run-recorder";
    }

    public List<RunReport.Applied> applied() {
        return List.copyOf(applied);
    }

    /** The migration that failed, or null. */
    public RunReport.Failed failed() {
        return failed;
    }

    private static String label(MigrationInfo info) {
        return (info.getVersion() == null ? "(repeatable)" : info.getVersion().getVersion()) + " " + info.getDescription();
    }

    private static String version(MigrationInfo info) {
        return info.getVersion() == null ? null : info.getVersion().getVersion();
    }

    /** How a report names a statement that ran: its first line, cut at 120 characters. */
    public static String statementLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
