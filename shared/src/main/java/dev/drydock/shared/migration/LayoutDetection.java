package dev.drydock.shared.migration;

import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognizes a folder's layout from its file names, most specific first: drizzle's journal, diesel's folders, Flyway's
 * V/U/R prefixes, golang-migrate's .up/.down pairs, dbmate's section markers, a Liquibase formatted SQL changelog,
 * then wrangler's numbered files.
 */
public final class LayoutDetection {

    private static final Pattern FLYWAY = Pattern.compile("[VUR][0-9._]*__.+\\.sql");
    private static final Pattern GOLANG_MIGRATE = Pattern.compile(".+\\.(up|down)\\.sql");
    private static final Pattern NUMBERED = Pattern.compile("\\d+.*\\.sql");
    private static final Pattern WRANGLER = Pattern.compile("\\d+_.+\\.sql");

    private LayoutDetection() {
    }

    public static Layout detect(Path dir, String displayDir) {
        try {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException(displayDir + ": the migrations folder does not exist; create it or point"
                        + " migrations.dir (or the PATH argument) at the folder that holds the migrations");
            }
            List<Path> top = Listing.flat(dir);
            if (Files.isRegularFile(dir.resolve(DrizzleLayout.JOURNAL))) {
                return new DrizzleLayout();
            }
            if (hasDieselFolders(dir)) {
                return new DieselLayout();
            }
            if (anyName(Listing.recursive(dir), FLYWAY)) {
                return new FlywayLayout();
            }
            if (anyName(top, GOLANG_MIGRATE)) {
                return new GolangMigrateLayout();
            }
            for (Path file : top) {
                if (NUMBERED.matcher(file.getFileName().toString()).matches() && hasDbmateMarker(file)) {
                    return new DbmateLayout();
                }
            }
            for (Path file : top) {
                if (file.getFileName().toString().endsWith(".sql") && isLiquibaseChangelog(file)) {
                    return new LiquibaseLayout();
                }
            }
            if (anyName(top, WRANGLER)) {
                return new WranglerLayout();
            }
        } catch (IOException e) {
            throw new BadInputException(displayDir + ": cannot list the migrations folder (" + e.getMessage() + ")");
        }
        throw new BadInputException(displayDir + ": no file looks like a migration of a known layout (flyway,"
                + " golang-migrate, diesel, dbmate, wrangler, drizzle, liquibase); add migrations or set migrations.layout"
                + " (custom takes a forward: regex)");
    }

    private static boolean hasDieselFolders(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(entry -> Files.isDirectory(entry) && Files.isRegularFile(entry.resolve("up.sql")));
        }
    }

    private static boolean anyName(List<Path> files, Pattern pattern) {
        return files.stream().anyMatch(file -> pattern.matcher(file.getFileName().toString()).matches());
    }

    /** A file that starts with {@code --liquibase formatted sql}: only its first bytes are read. */
    private static boolean isLiquibaseChangelog(Path file) throws IOException {
        byte[] head = new byte[256];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        return LiquibaseChangelog.isChangelog(new String(head, 0, read, StandardCharsets.UTF_8));
    }

    private static boolean hasDbmateMarker(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.toLowerCase(Locale.ROOT).contains("migrate:up");
    }
}
