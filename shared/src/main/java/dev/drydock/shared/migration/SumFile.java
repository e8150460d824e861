package dev.drydock.shared.migration;

import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrations.sum}: the committed record of the migration history, one line per migration
 * ({@code id sha256(forward) sha256(rollback) forward-path}, {@code -} where there is no rollback) under a
 * {@code total} line that hashes all of them, so a hand edit or a bad merge of the file itself shows.
 */
public record SumFile(String total, List<Entry> entries, Optional<String> baseline) {

    public static final String NONE = "-";
    /**
     * The checksum of a migration {@code migrator create} just made: not applied anywhere yet, so it may still be
     * edited; {@code validator hash} records its real checksums once it is done.
     */
    public static final String DRAFT = "draft";
    private static final String HEADER = "# drydock migrations.sum: written by 'validator hash' and 'migrator create'; do not edit";

    /** One recorded migration; {@code path} is relative to the migrations folder. */
    public record Entry(String id, String forward, String rollback, String path) {
        String line() {
            return id + " " + forward + " " + rollback + " " + path;
        }
    }

    public SumFile {
        entries = List.copyOf(entries);
    }

    public static SumFile of(MigrationSet set) {
        List<Entry> entries = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            String path = set.fileName(migration);
            entries.add(new Entry(migration.id(), migration.forward().checksum(),
                    migration.rollback().map(Script::checksum).orElse(NONE), path));
        }
        return new SumFile(totalOf(entries), entries, Optional.empty());
    }

    /** This history with {@code baseline} as the version at and below which migrations are old history. */
    public SumFile withBaseline(Optional<String> version) {
        return new SumFile(total, entries, version);
    }

    /** This history plus {@code migration} as a draft (see {@link #DRAFT}), at {@code path} in the folder. */
    public SumFile withDraft(String id, String path, boolean hasRollback) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(id, DRAFT, hasRollback ? DRAFT : NONE, path));
        return new SumFile(totalOf(all), all, baseline);
    }

    /** Whether {@code entry} is a draft that may still be edited. */
    public static boolean isDraft(Entry entry) {
        return DRAFT.equals(entry.forward());
    }

    /** Reads the file; empty when there is none (a project that has not run {@code validator hash} yet). */
    public static Optional<SumFile> read(Path file, String displayPath) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(displayPath + ": cannot read (" + e.getMessage() + ")");
        }
        String total = null;
        String baseline = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ", 4);
            if (fields[0].equals("total") && fields.length == 2) {
                total = fields[1];
            } else if (fields[0].equals("baseline") && fields.length == 2) {
                baseline = fields[1];
            } else if (fields.length == 4) {
                entries.add(new Entry(fields[0], fields[1], fields[2], fields[3]));
            } else {
                throw new BadInputException(displayPath + ":" + (i + 1) + ": not a migrations.sum line: '" + line
                        + "'; restore the file from version control or rewrite it with 'validator hash'");
            }
        }
        if (total == null) {
            throw new BadInputException(displayPath + ": has no 'total' line; rewrite it with 'validator hash'");
        }
        return Optional.of(new SumFile(total, entries, Optional.ofNullable(baseline)));
    }

    /** True when the total still matches the entries, i.e. nobody edited the lines by hand. */
    public boolean intact() {
        return total.equals(totalOf(entries));
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a history behind. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("total ").append(total).append('\n');
        baseline.ifPresent(version -> text.append("baseline ").append(version).append('\n'));
        for (Entry entry : entries) {
            text.append(entry.line()).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String totalOf(List<Entry> entries) {
        StringBuilder all = new StringBuilder();
        for (Entry entry : entries) {
            all.append(entry.line()).append('\n');
        }
        return "sha256:" + Checksums.sha256(all.toString());
    }
}
