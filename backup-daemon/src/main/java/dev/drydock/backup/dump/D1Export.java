package dev.drydock.backup.dump;

import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@code wrangler d1 export}'s SQL, loaded into a SQLite file: D1 is SQLite, so what SQLite makes of the export is
 * what a restore into D1 gets. Both the backup (to describe what it holds) and its verification load it here.
 */
public final class D1Export {

    private D1Export() {
    }

    /**
     * Runs the whole export on a new SQLite file in one transaction, as SQLite's own shell would read it. An export
     * that does not load is an IOException naming SQLite's complaint.
     */
    public static void loadInto(Path export, Path database) throws IOException {
        Files.deleteIfExists(database);
        String sql = Files.readString(export);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            // sqlite3_exec runs every statement of the script, exactly as SQLite splits it
            connection.unwrap(SQLiteConnection.class).getDatabase()._exec("BEGIN;\n" + sql + "\n;COMMIT;");
        } catch (SQLException e) {
            Files.deleteIfExists(database);
            throw new IOException("the D1 export does not load into SQLite: " + e.getMessage(), e);
        }
    }
}
