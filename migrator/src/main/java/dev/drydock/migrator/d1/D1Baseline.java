package dev.drydock.migrator.d1;

import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.MigrationSet;

import java.util.List;

/**
 * {@code baseline} on D1: a database whose schema was made some other way (a restore, a copy, hand-run SQL) gets
 * wrangler's rows for the files up to a version, without running them, so that wrangler and the migrator both apply
 * only what comes after. The rows go in one batch.
 */
public final class D1Baseline {

    private final D1Environment d1;

    public D1Baseline(D1Environment d1) {
        this.d1 = d1;
    }

    /** Records every pending file up to {@code version} (a number or a file name) and returns their names. */
    public List<String> record(MigrationStatus status, MigrationSet set, String version) throws WranglerException {
        List<String> names = D1Status.upTo(status.pending(), version).stream().map(MigrationStatus.Entry::script)
                .toList();
        if (names.isEmpty()) {
            return names;
        }
        StringBuilder batch = new StringBuilder(d1.history().createTable()).append('\n');
        names.forEach(name -> batch.append(d1.history().recordApplied(name)).append('\n'));
        d1.wrangler().execute(batch.toString());
        return names;
    }
}
