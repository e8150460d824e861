package dev.drydock.migrator.d1;

import dev.drydock.migrator.rollback.RollbackPlan;
import dev.drydock.migrator.rollback.RollbackRunner;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.D1History;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.Script;

import java.util.function.Consumer;

/**
 * Rolls back one D1 migration in one batch, which D1 runs in one transaction: its rollback script, the removal of
 * its row from wrangler's history (so wrangler sees it pending again), and a row in
 * {@code drydock_rollback_history} saying what was rolled back, when, and why when it was forced, as on the other
 * engines.
 */
public final class D1Rollback {

    private final D1Environment d1;
    private final Consumer<String> progress;

    public D1Rollback(D1Environment d1, Consumer<String> progress) {
        this.d1 = d1;
        this.progress = progress;
    }

    /**
     * @param step   a step of {@link RollbackPlan#ofD1}; its version is the file name
     * @param reason why a refused rollback was forced, or null
     */
    public void run(RollbackPlan.Step step, String reason) throws WranglerException {
        String name = step.version();
        long started = System.nanoTime();
        String script = step.migration().flatMap(m -> m.rollback()).map(Script::text).orElse("");
        d1.wrangler().execute(script + "\n" + d1.history().recordRolledBack(name) + "\n"
                + RollbackRunner.CREATE_HISTORY_TABLE + ";\n"
                + "INSERT INTO " + RollbackRunner.HISTORY_TABLE + " (version, description, rolled_back_at, forced_reason)"
                + " VALUES (" + D1History.literal(name) + ", " + D1History.literal(step.description())
                + ", strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), " + (reason == null ? "NULL" : D1History.literal(reason))
                + ");");
        progress.accept(String.format("rolled back %s (%d ms)%s", name, (System.nanoTime() - started) / 1_000_000,
                reason == null ? "" : " [forced: " + reason + "]"));
    }
}
