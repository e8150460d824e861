package dev.drydock.migrator.d1;

import dev.drydock.migrator.run.RunReport;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies D1 migrations one by one through wrangler, each as wrangler's own {@code migrations apply} does: the
 * file's SQL and the row recording it in one batch, which D1 runs in one transaction. A migration either lands
 * with its row or not at all, and wrangler's {@code UNIQUE} name makes a second run of the same file fail whole.
 */
public final class D1Apply {

    /** What the run did: the migrations applied, and the one that failed (null when none did). */
    public record Outcome(List<RunReport.Applied> applied, RunReport.Failed failed) {
    }

    private final D1Environment d1;
    private final Consumer<String> progress;

    public D1Apply(D1Environment d1, Consumer<String> progress) {
        this.d1 = d1;
        this.progress = progress;
    }

    /** Applies {@code pending} in order and stops at the first failure. */
    public Outcome apply(List<Migration> pending) {
        List<RunReport.Applied> applied = new ArrayList<>();
        boolean tableMade = false;
        for (Migration migration : pending) {
            String name = D1Status.fileName(migration);
            String version = dev.drydock.shared.d1.D1History.version(name);
            progress.accept("applying " + name + " ...");
            long started = System.nanoTime();
            // the history table as wrangler creates it, in the first batch rather than a wrangler run of its own
            String batch = (tableMade ? "" : d1.history().createTable() + "\n") + migration.forward().text()
                    + "\n" + d1.history().recordApplied(name);
            try {
                d1.wrangler().execute(batch);
            } catch (WranglerException e) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                return new Outcome(applied, new RunReport.Failed(version, migration.description(), millis,
                        e.getMessage(), List.of()));
            }
            tableMade = true;
            long millis = (System.nanoTime() - started) / 1_000_000;
            applied.add(new RunReport.Applied(version, migration.description(), millis));
            progress.accept(String.format("applied  %s (%d ms)", name, millis));
        }
        return new Outcome(applied, null);
    }
}
