package dev.drydock.migrator.status;

import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.run.ApplyJournal;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link MigrationStatus} from Flyway's history table and the discovered scripts. */
public final class StatusReader {

    private StatusReader() {
    }

    public static MigrationStatus read(Flyway flyway, String environment, String url) {
        return read(flyway, environment, url, List.of());
    }

    /**
     * The status, with the migrations a dead migrator was applying (its {@link ApplyJournal} marks) as drift where
     * part of them may have stayed.
     */
    public static MigrationStatus read(Flyway flyway, String environment, String url, List<ApplyJournal.Mark> interrupted) {
        List<MigrationStatus.Entry> applied = new ArrayList<>();
        List<MigrationStatus.Entry> pending = new ArrayList<>();
        List<MigrationStatus.Entry> failed = new ArrayList<>();
        List<MigrationStatus.Drift> drift = new ArrayList<>();
        String current = null;
        Map<String, List<Integer>> ranksByVersion = new HashMap<>();
        Map<String, String> scriptByVersion = new HashMap<>();
        for (MigrationInfo info : flyway.info().all()) {
            MigrationStatus.Entry entry = entry(info);
            MigrationState state = info.getState();
            if (info.getVersion() != null && info.getInstalledRank() != null && state.isApplied()) {
                ranksByVersion.computeIfAbsent(entry.version(), version -> new ArrayList<>()).add(info.getInstalledRank());
                scriptByVersion.put(entry.version(), entry.script());
            }
            switch (state) {
                case IGNORED -> {
                    pending.add(entry);
                    drift.add(new MigrationStatus.Drift(entry.version(), entry.script(), "not in the history although"
                            + " newer migrations are: a gap", "if its changes are in the database, its history row was"
                            + " deleted: put the row back; if they are not, the file was added after newer ones were"
                            + " applied: give it a version above the newest applied one"));
                }
                case PENDING, OUT_OF_ORDER, ABOVE_TARGET -> pending.add(entry);
                case FAILED, FUTURE_FAILED -> {
                    failed.add(entry);
                    drift.add(new MigrationStatus.Drift(entry.version(), entry.script(), "the migration failed and"
                            + " the history records the failure", "fix the database by hand (or restore), then run"
                            + " 'migrator repair' to remove the failed entry"));
                }
                case MISSING_SUCCESS, MISSING_FAILED -> {
                    applied.add(entry);
                    drift.add(new MigrationStatus.Drift(entry.version(), entry.script(), "applied, but its file is"
                            + " gone", "restore the file from version control"));
                }
                case SUCCESS, BASELINE, OUTDATED, SUPERSEDED, FUTURE_SUCCESS -> {
                    applied.add(entry);
                    if (info.getVersion() != null) {
                        current = info.getVersion().getVersion();
                    }
                    if (!info.isChecksumMatching() && info.getResolvedChecksum() != null && info.isVersioned()) {
                        drift.add(new MigrationStatus.Drift(entry.version(), entry.script(), "edited after it was"
                                + " applied (checksum " + info.getChecksum() + " in the history, "
                                + info.getResolvedChecksum() + " on disk)", "revert the edit and write a new"
                                + " migration; if the edit is deliberate, run 'migrator repair'"));
                    }
                }
                default -> {
                }
            }
        }
        ranksByVersion.forEach((version, ranks) -> {
            if (ranks.size() > 1) {
                drift.add(new MigrationStatus.Drift(version, scriptByVersion.get(version), "recorded " + ranks.size() + " times in the history"
                        + " (installed_rank " + ranks + ")", "delete the rows that do not belong, keeping the one of"
                        + " the run that applied it"));
            }
        });
        drift.addAll(interruptedDrift(interrupted, environment));
        return new MigrationStatus(environment, withoutCredentials(url), FlywayEngine.HISTORY_TABLE, current, applied, pending, failed, drift);
    }

    /** The marks of migrators that died where part of the migration may have stayed, as drift. */
    public static List<MigrationStatus.Drift> interruptedDrift(List<ApplyJournal.Mark> interrupted, String environment) {
        List<MigrationStatus.Drift> drift = new ArrayList<>();
        for (ApplyJournal.Mark mark : interrupted) {
            if (mark.mayHaveStayed()) {
                drift.add(new MigrationStatus.Drift(mark.version(), mark.script(), "a migrator died while applying it"
                        + " (started " + mark.startedAt() + " on " + mark.host() + ") where each statement commits"
                        + " at once, so part of it may have stayed", "compare the schema with " + mark.script()
                        + ", undo what stayed (its rollback file, with care) or finish it by hand, then run"
                        + " 'migrator repair --env " + environment + "' to clear the mark"));
            }
        }
        return drift;
    }

    private static MigrationStatus.Entry entry(MigrationInfo info) {
        return new MigrationStatus.Entry(info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(), info.getScript(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant().toString(),
                info.getExecutionTime());
    }

    /** The URL as a report may show it: no user info, no password parameter. */
    public static String withoutCredentials(String url) {
        return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)([?&;](password|user)=)[^&;]*", "$1****");
    }
}
