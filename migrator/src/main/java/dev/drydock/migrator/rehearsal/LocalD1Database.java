package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.config.WranglerSettings;
import dev.drydock.shared.d1.Wrangler;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh local D1 in a temporary folder ({@code wrangler d1 execute --local --persist-to}): each script runs
 * through wrangler as {@code up} runs it, one batch, so D1's own rules apply (foreign keys always enforced, its
 * statement splitting, the statements it forbids). The schema is read from the SQLite file miniflare keeps there,
 * between wrangler runs.
 */
public final class LocalD1Database implements RehearsalDatabase {

    private final Wrangler wrangler;
    private final Path folder;

    private LocalD1Database(Wrangler wrangler, Path folder) {
        this.wrangler = wrangler;
        this.folder = folder;
    }

    /**
     * A new local D1 for {@code database} of the project's wrangler config, whatever {@code settings} say of where
     * the environment itself is: a rehearsal never touches it.
     */
    public static LocalD1Database create(WranglerSettings settings, String database) throws IOException {
        Path folder = Files.createTempDirectory("drydock-test-rollback-d1-");
        LocalD1Database d1 = new LocalD1Database(new Wrangler(new WranglerSettings(settings.config(), settings.env(),
                true, folder, settings.command()), database), folder);
        try {
            d1.wrangler.execute("SELECT 1"); // miniflare makes the database file on first use
        } catch (WranglerException e) {
            d1.close();
            throw e;
        }
        return d1;
    }

    @Override
    public List<String> run(Script script) {
        try {
            wrangler.execute(script.text());
            return List.of();
        } catch (WranglerException e) {
            return List.of(script.displayPath() + ": " + e.getMessage());
        }
    }

    @Override
    public SchemaSnapshot snapshot() throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile())) {
            return SchemaSnapshot.of(connection, Dialect.D1);
        }
    }

    /** miniflare's file for the database: the one SQLite file in its D1 folder that is not its metadata. */
    private Path databaseFile() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> path.toString().endsWith(".sqlite")
                            && !path.getFileName().toString().equals("metadata.sqlite")
                            && path.getParent().getFileName().toString().contains("D1"))
                    .findFirst().orElseThrow(() -> new IOException("wrangler made no local D1 database under " + folder));
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
