package dev.drydock.shared.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Scratch databases on the local servers (PostgreSQL on 5432, trust auth; MariaDB on 3306, root without
 * password): each test creates its own under a unique name and drops it. Without a server the test is
 * skipped with one line saying why, except under {@code CI=true}, where a missing server is a failure.
 */
public final class ScratchDatabases {

    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    public static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private ScratchDatabases() {
    }

    /** A new empty PostgreSQL database; close the handle to drop it. */
    public static Scratch postgres() {
        return postgres("");
    }

    /** A new PostgreSQL database copied from {@code template}, which nobody may be connected to; close it to drop it. */
    public static Scratch postgresCopyOf(Scratch template) {
        return postgres(" TEMPLATE " + template.name());
    }

    private static Scratch postgres(String options) {
        String name = uniqueName();
        try (Connection admin = connect(POSTGRES_ADMIN_URL, "PostgreSQL"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the scratch database " + name + ": " + e.getMessage(), e);
        }
        return new Scratch(name, "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres",
                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", POSTGRES_ADMIN_URL);
    }

    /** A new empty MariaDB database; close the handle to drop it. */
    public static Scratch mariadb() {
        String name = uniqueName();
        try (Connection admin = connect(MARIADB_ADMIN_URL, "MariaDB"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the scratch database " + name + ": " + e.getMessage(), e);
        }
        return new Scratch(name, "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root",
                "DROP DATABASE IF EXISTS " + name, MARIADB_ADMIN_URL);
    }

    private static Connection connect(String url, String server) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String why = server + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; .ci/run starts it, so under CI=true this is a failure", e);
            }
            System.out.println("SKIPPED: " + why + "; start it as DESIGN.md says to run this test");
            Assumptions.abort(why);
            throw new AssertionError("unreachable");
        }
    }

    /** The superuser the tests run real migration sets as; no migration names it. */
    static final String TEST_SUPERUSER = "drydock_test_superuser";

    /**
     * A PostgreSQL superuser of the tests' own, made on first use by whichever superuser the server has. Tests that
     * run real migration sets use it, because migrations usually run with the rights to create extensions, and a set
     * whose CREATE EXTENSION fails for want of them would stop, or leave every later verdict a test artefact. It is
     * not postgres because roles belong to the whole server and a corpus may change the ones it names: supabase's
     * {@code demote-postgres} runs {@code ALTER ROLE postgres NOSUPERUSER}, which made a superuser postgres lose its
     * rights in the middle of another test's corpus run beside it. Where no superuser can log in, postgres.
     */
    public static String postgresSuperuser() {
        try (Connection admin = connect(POSTGRES_ADMIN_URL, "PostgreSQL"); Statement statement = admin.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT rolname FROM pg_roles WHERE rolsuper AND rolcanlogin"
                     + " ORDER BY rolname <> '" + TEST_SUPERUSER + "', rolname <> 'postgres', rolname LIMIT 1")) {
            String superuser = rows.next() ? rows.getString(1) : null;
            if (superuser == null || superuser.equals(TEST_SUPERUSER)) {
                return superuser == null ? "postgres" : superuser;
            }
            try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user="
                    + superuser); Statement create = owner.createStatement()) {
                create.execute("CREATE ROLE " + TEST_SUPERUSER + " SUPERUSER LOGIN");
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e; // 42710, 23505: another test class made it at the same moment
                }
            }
            return TEST_SUPERUSER;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or make PostgreSQL's test superuser: " + e.getMessage(), e);
        }
    }

    /** {@link #POSTGRES_ADMIN_URL} as {@link #postgresSuperuser()}. */
    public static String postgresSuperuserAdminUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/postgres?user=" + postgresSuperuser();
    }

    private static String uniqueName() {
        return "drydock_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A scratch database; {@link #close()} drops it. */
    public record Scratch(String name, String url, String dropStatement, String adminUrl) implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        /**
         * This database, dropped through {@code otherAdminUrl}: a database a superuser worked in can only be dropped
         * WITH (FORCE) by a superuser while one of its sessions is still ending.
         */
        public Scratch droppedThrough(String otherAdminUrl) {
            return new Scratch(name, url, dropStatement, otherAdminUrl);
        }

        @Override
        public void close() {
            try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
                statement.execute(dropStatement);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the scratch database " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
