package dev.drydock.migrator.gate;

import dev.drydock.migrator.status.MigrationStatus;

/** The second gate: the history and the files must agree (no edited, missing or failed migration). */
public final class DriftGate {

    private DriftGate() {
    }

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
