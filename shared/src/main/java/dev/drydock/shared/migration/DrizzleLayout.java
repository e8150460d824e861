package dev.drydock.shared.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drizzle (drizzle-kit's out folder): {@code NNNN_<name>.sql} files applied in the order of {@code meta/_journal.json}
 * (its {@code idx} is the version here), each statement ended by a {@code --> statement-breakpoint} line. Drizzle
 * writes no rollbacks; Drydock reads them from {@code rollback/NNNN_<name>.sql}, where drizzle never looks.
 */
public record DrizzleLayout() implements Layout {

    static final String JOURNAL = "meta/_journal.json";
    private static final String ROLLBACK_FOLDER = "rollback";

    /** One journal entry: the file it names ({@code tag}.sql), its position and drizzle's {@code when}. */
    public record Entry(int idx, String tag, long when) {
    }

    @Override
    public String name() {
        return "drizzle";
    }

    /** The journal's entries in its order; drizzle applies only the files listed there. */
    public static List<Entry> journal(Path dir) throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.isRegularFile(file)) {
            throw new IOException(JOURNAL + " is missing: drizzle applies only the migrations its journal lists;"
                    + " 'drizzle-kit generate' writes it");
        }
        JsonNode entries = new ObjectMapper().readTree(file.toFile()).path("entries");
        List<Entry> journal = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!entry.path("tag").isTextual() || !entry.path("when").canConvertToLong()) {
                throw new IOException(JOURNAL + ": an entry without a tag or a when (" + entry + ")");
            }
            journal.add(new Entry(entry.path("idx").asInt(journal.size()), entry.get("tag").asText(),
                    entry.get("when").asLong()));
        }
        return journal;
    }

    /** The journal's {@code when} of each migration file name. */
    public static Map<String, Long> whenByFile(Path dir) throws IOException {
        Map<String, Long> when = new LinkedHashMap<>();
        journal(dir).forEach(entry -> when.put(entry.tag() + ".sql", entry.when()));
        return when;
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Entry entry : journal(dir)) {
            Path forward = dir.resolve(entry.tag() + ".sql");
            if (!Files.isRegularFile(forward)) {
                throw new IOException(JOURNAL + " lists " + entry.tag() + " but " + entry.tag() + ".sql is not there;"
                        + " drizzle would stop at it");
            }
            listed.add(forward.getFileName().toString());
            String description = entry.tag().replaceFirst("^\\d+_?", "");
            files.add(new LayoutFile(forward, LayoutFile.Role.FORWARD, String.valueOf(entry.idx()), description,
                    entry.tag()));
            Path rollback = dir.resolve(ROLLBACK_FOLDER).resolve(entry.tag() + ".sql");
            if (Files.isRegularFile(rollback)) {
                files.add(new LayoutFile(rollback, LayoutFile.Role.ROLLBACK, String.valueOf(entry.idx()), description,
                        entry.tag()));
            }
        }
        for (Path path : Listing.flat(dir)) {
            if (Listing.isSql(path) && !listed.contains(path.getFileName().toString())) {
                files.add(LayoutFile.misnamed(path, "not in " + JOURNAL + ", so drizzle never applies it; let"
                        + " 'drizzle-kit generate' write migrations, or add its entry to the journal"));
            }
        }
        return files;
    }
}
