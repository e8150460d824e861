package dev.drydock.migrator.gate;

import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import org.flywaydb.core.Flyway;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** The second gate: the history and the files must agree (no edited, missing, failed or interrupted migration). */
public final class DriftGate {

    private DriftGate() {
    }

    /**
     * Reads the status with what the apply journal says of migrators that died halfway, refuses on drift, and
     * otherwise tells of (and clears) the marks of migrations that died with their transaction. Call it under the
     * migration lock, so no mark is a running migrator's.
     */
    public static MigrationStatus pass(Flyway flyway, String environment, String url, ApplyJournal journal,
                                       Consumer<String> progress) throws SQLException {
        List<ApplyJournal.Mark> interrupted = journal.marks();
        MigrationStatus status = StatusReader.read(flyway, environment, url, interrupted);
        check(status);
        journal.settle(interrupted, progress);
        return status;
    }

    /** Refuses when the status shows drift; for D1, whose status has no apply journal to settle. */
    public static void check(MigrationStatus status) {
        if (status.drift().isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("the database's history and the files disagree; nothing was changed");
        for (MigrationStatus.Drift drift : status.drift()) {
            message.append("\n  ").append(drift.script()).append(": ").append(drift.problem()).append("; ")
                    .append(drift.fix());
        }
        throw new GateRefusal(message.toString());
    }
}
