package dev.drydock.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.d1.D1Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A local Cloudflare D1 database, written through wrangler. The export is first loaded into a SQLite file of its own
 * and checked against the manifest; the replacement is then one batch (the old objects dropped, the export run),
 * which D1 runs in one transaction, so the database is either as it was or the whole backup. A remote database is
 * restored by D1 itself, to the backup's time-travel bookmark, not through this target.
 */
record D1Target(D1Environment d1) implements RestoreTarget {

    /** D1's own tables ({@code _cf_KV} and the like), which a restore must neither drop nor write. */
    private static final String INTERNAL = "name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'";

    D1Target {
        if (!d1.wrangler().settings().local()) {
            throw new BadInputException(d1.wrangler().describe() + " is remote: D1 restores a remote database itself,"
                    + " to the time-travel bookmark its backup's manifest records (backup-daemon list --json shows it):"
                    + " wrangler d1 time-travel restore " + d1.wrangler().database() + " --bookmark=BOOKMARK");
        }
    }

    @Override
    public String engine() {
        return "d1";
    }

    @Override
    public long tables() throws IOException {
        List<JsonNode> rows = d1.wrangler().query("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND "
                + INTERNAL);
        return rows.isEmpty() ? 0 : rows.get(0).path("n").asLong();
    }

    @Override
    public Rehearsal rehearse(Path dump, Manifest manifest, Path workDir, ScratchServers scratchServers)
            throws IOException {
        return new Rehearsal(dump, ScratchRestore.d1(dump, manifest), null);
    }

    @Override
    public Path safetyCopy(Path folder, String stamp) throws IOException {
        Path copy = folder.resolve(d1.wrangler().database() + ".before-restore-" + stamp + ".sql");
        d1.wrangler().export(copy);
        return copy;
    }

    @Override
    public void replace(Rehearsal rehearsal, Path workDir) throws IOException {
        StringBuilder batch = new StringBuilder("PRAGMA defer_foreign_keys = on;\n");
        for (JsonNode row : d1.wrangler().query("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger')"
                + " AND " + INTERNAL)) {
            batch.append(drop(row.path("type").asText(), row.path("name").asText()));
        }
        for (String table : childrenFirst()) {
            batch.append(drop("table", table));
        }
        batch.append(Files.readString(rehearsal.dump()));
        d1.wrangler().execute(batch.toString());
    }

    /**
     * The tables, each before the tables it references: D1 always enforces foreign keys, and dropping a child after
     * its parent fails on the parent's absence (a reference cycle is dropped in whatever order is left).
     */
    private List<String> childrenFirst() throws IOException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (JsonNode row : d1.wrangler().query("SELECT m.name AS name, p.\"table\" AS parent FROM sqlite_master m"
                + " LEFT JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND " + INTERNAL.replace("name",
                "m.name"))) {
            Set<String> of = parents.computeIfAbsent(row.path("name").asText(), k -> new HashSet<>());
            if (row.hasNonNull("parent") && !row.path("parent").asText().equals(row.path("name").asText())) {
                of.add(row.path("parent").asText());
            }
        }
        List<String> order = new ArrayList<>();
        while (!parents.isEmpty()) {
            Set<String> referenced = new HashSet<>();
            parents.values().forEach(referenced::addAll);
            List<String> leaves = parents.keySet().stream().filter(table -> !referenced.contains(table)).toList();
            List<String> next = leaves.isEmpty() ? List.copyOf(parents.keySet()) : leaves;
            order.addAll(next);
            next.forEach(parents::remove);
        }
        return order;
    }

    private static String drop(String type, String name) {
        return "DROP " + type.toUpperCase(Locale.ROOT) + " IF EXISTS \"" + name.replace("\"", "\"\"") + "\";\n";
    }

    @Override
    public String toString() {
        return d1.wrangler().describe();
    }
}
