package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.DumpResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a restored database shows against the manifest of its backup: fingerprint, tables, row counts. */
public final class RestoreCheck {

    private RestoreCheck() {
    }

    /** The differences, one line each; empty when the restore holds what was backed up. */
    public static List<String> differences(Manifest manifest, DumpResult restored) {
        List<String> problems = new ArrayList<>();
        if (!manifest.schemaFingerprint().equals(restored.schemaFingerprint())) {
            problems.add("schema fingerprint " + restored.schemaFingerprint() + " after the restore, "
                    + manifest.schemaFingerprint() + " in the manifest");
        }
        Map<String, Manifest.TableStats> want = manifest.tables();
        Map<String, Manifest.TableStats> got = restored.tables();
        for (String table : new TreeSet<>(want.keySet())) {
            if (!got.containsKey(table)) {
                problems.add("table " + table + " is missing after the restore");
            } else if (got.get(table).rows() != want.get(table).rows()) {
                problems.add("table " + table + " has " + got.get(table).rows() + " rows after the restore, "
                        + want.get(table).rows() + " in the manifest");
            }
        }
        for (String table : new TreeSet<>(got.keySet())) {
            if (!want.containsKey(table)) {
                problems.add("table " + table + " appears after the restore but is not in the manifest");
            }
        }
        return problems;
    }
}
