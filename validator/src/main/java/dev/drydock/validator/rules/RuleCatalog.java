package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.List;
import java.util.Optional;

/** Every rule the validator implements; ids are the contract of DESIGN.md. */
public final class RuleCatalog {

    public static final Rule SYNTAX_ERROR = Rule.of("syntax-error", Severity.ERROR, "parsing",
            "a statement the target database would reject",
            "The database stops the migration at this statement. Fix the SQL at the position shown; the message"
                    + " names the token where parsing failed.");
    public static final Rule EMPTY_MIGRATION = Rule.of("empty-migration", Severity.WARNING, "parsing",
            "a forward migration with no statement",
            "An empty migration is recorded as applied but changes nothing, which usually means the SQL was"
                    + " never saved. Add the statements, or delete the file if it is not needed.");
    public static final Rule FILENAME_CONVENTION = Rule.of("filename-convention", Severity.ERROR, "parsing",
            "a SQL file the runner would not pick up",
            "The runner silently skips files that do not follow its naming, so this SQL would never run. Rename"
                    + " it as the message shows.");
    public static final Rule DUPLICATE_VERSION = Rule.of("duplicate-version", Severity.ERROR, "parsing",
            "two forward migrations with the same version",
            "The runner refuses a set where two migrations share a version (Flyway: 'Found more than one"
                    + " migration with version'). Give one of them the next free version.");
    public static final Rule UNUSED_SUPPRESSION = Rule.of("unused-suppression", Severity.WARNING, "parsing",
            "a drydock:ignore that suppresses nothing",
            "A suppression that matches no finding hides nothing today but will hide a real finding tomorrow."
                    + " Remove it, or correct the rule id.");
    public static final Rule HISTORY_MUTATED = Rule.of("history-mutated", Severity.ERROR, "history",
            "an applied migration edited, renamed or deleted",
            "Databases that already ran this migration will not run it again, so the edit never reaches them and"
                    + " the runner's checksum check fails. Revert the change and write a new migration; if the"
                    + " change is deliberate, run 'validator hash' to record it.");
    public static final Rule OUT_OF_ORDER = Rule.of("out-of-order", Severity.ERROR, "history",
            "a new migration with a version below the latest recorded one",
            "Databases that are already past this version skip it (Flyway) or refuse to migrate. Renumber it above"
                    + " the latest recorded version.");
    public static final Rule ROLLBACK_MISSING = Rule.of("rollback-missing", Severity.ERROR, "rollback",
            "a forward migration without a rollback",
            "Without a rollback, undoing this migration in an incident means writing SQL under pressure. Add the"
                    + " rollback file the layout expects (e.g. U3__name.sql, 3_name.down.sql, rollback/0003_name.sql).");
    public static final Rule ROLLBACK_ORPHAN = Rule.of("rollback-orphan", Severity.ERROR, "rollback",
            "a rollback without its forward migration",
            "A rollback whose forward migration is gone, or whose name does not match it, is never used. Rename it"
                    + " to match its forward migration, or delete it.");
    public static final Rule ROLLBACK_EMPTY = Rule.of("rollback-empty", Severity.ERROR, "rollback",
            "a rollback with no statement",
            "An empty rollback reports success and undoes nothing. Write the statements that reverse the forward"
                    + " migration, or mark the forward migration '-- drydock:irreversible <reason>'.");

    // Schema consistency: from replaying every earlier migration into the schema model.
    public static final Rule UNKNOWN_OBJECT = Rule.of("unknown-object", Severity.ERROR, "schema",
            "a table, column, index, constraint or view that does not exist at that point",
            "The database stops the migration here: the object was never created, was dropped earlier, or is"
                    + " spelled differently. Correct the name, or create the object in an earlier migration.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE accounts ADD COLUMN email text;",
                    "ALTER TABLE accounts DROP COLUMN email;");
    public static final Rule DUPLICATE_OBJECT = Rule.of("duplicate-object", Severity.ERROR, "schema",
            "creating what already exists, without IF NOT EXISTS",
            "The database stops the migration here, because an earlier migration already created this object."
                    + " Drop the duplicate statement, pick another name, or add IF NOT EXISTS if both may run.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE users (id int);", "SELECT 1;");

    // Rollback pairing, continued.
    public static final Rule ROLLBACK_NOT_INVERSE = Rule.of("rollback-not-inverse", Severity.ERROR, "rollback",
            "the rollback does not bring the schema back to where it was",
            "After the forward migration and its rollback the schema must equal the schema before the forward"
                    + " migration; otherwise a rollback in an incident leaves a schema nobody has tested. The message"
                    + " lists every difference (column order is not compared): add what the rollback leaves out.")
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_name_idx ON users (name);\n"
                    + "ALTER TABLE users ADD COLUMN nickname text;", "DROP INDEX users_name_idx;");
    public static final Rule IRREVERSIBLE_WITHOUT_ACK = Rule.of("irreversible-without-ack", Severity.ERROR,
            "rollback", "a forward migration that destroys data, without an acknowledgement",
            "Dropping a table or column, TRUNCATE, DELETE and narrowing a type lose data that no rollback can"
                    + " bring back; only a backup can. Say that this is intended with a '-- drydock:irreversible"
                    + " <reason>' line at the top of the forward file, and make sure a backup is taken first.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users DROP COLUMN name;", "ALTER TABLE users ADD COLUMN name text;");

    // Dialect compatibility.
    public static final Rule DIALECT_UNSUPPORTED = Rule.of("dialect-unsupported", Severity.ERROR, "dialect",
            "a construct the target database or version does not have",
            "The target database rejects the statement (or, where it accepts the words, does something else)."
                    + " The message names the construct and what to write instead on that database.")
            .example(Dialect.SQLITE, "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
                    "DROP INDEX users_email_idx;");
    public static final Rule IF_NOT_EXISTS_UNSUPPORTED = Rule.of("if-not-exists-unsupported", Severity.ERROR,
            "dialect", "IF [NOT] EXISTS where the target database has none",
            "MySQL 8 has no IF NOT EXISTS for ADD COLUMN, CREATE INDEX or ADD CONSTRAINT and no IF EXISTS for DROP"
                    + " INDEX or DROP COLUMN; SQLite has none for ADD or DROP COLUMN; PostgreSQL none for ADD"
                    + " CONSTRAINT, CREATE TYPE or CREATE TRIGGER. The statement fails. Drop the clause and rely on"
                    + " the migration history, or guard the change with a query of the catalog.")
            .example(Dialect.MYSQL, "CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);",
                    "DROP INDEX users_email_idx ON users;");
    public static final Rule SQLITE_ALTER_NEEDS_REBUILD = Rule.of("sqlite-alter-needs-rebuild", Severity.ERROR,
            "dialect", "an ALTER TABLE that SQLite can only do by rebuilding the table",
            "SQLite's ALTER TABLE can rename a table or column (3.25+), add a column and drop one (3.35+); it"
                    + " cannot change a column's type, default or nullability, or add or drop a constraint. Rebuild"
                    + " the table: PRAGMA foreign_keys=off; CREATE TABLE new_t (...); INSERT INTO new_t SELECT ..."
                    + " FROM t; DROP TABLE t; ALTER TABLE new_t RENAME TO t; recreate its indexes and triggers;"
                    + " PRAGMA foreign_key_check; PRAGMA foreign_keys=on.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                    "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");
    public static final Rule SQLITE_ADD_COLUMN_RESTRICTION = Rule.of("sqlite-add-column-restriction",
            Severity.ERROR, "dialect", "an ADD COLUMN that SQLite refuses",
            "SQLite's ADD COLUMN cannot add a PRIMARY KEY or UNIQUE column, a column whose default is an expression"
                    + " or CURRENT_TIME/DATE/TIMESTAMP, or a STORED generated column (a NOT NULL column without a"
                    + " default fails only once the table has rows: not-null-without-default). Add the column with a"
                    + " constant default (or none) and backfill it, create a UNIQUE INDEX instead of UNIQUE, or"
                    + " rebuild the table.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "ALTER TABLE users ADD COLUMN code text UNIQUE;",
                    "ALTER TABLE users DROP COLUMN code;");
    public static final Rule SQLITE_DROP_COLUMN_BLOCKED = Rule.of("sqlite-drop-column-blocked", Severity.ERROR,
            "dialect", "a DROP COLUMN that SQLite refuses because something uses the column",
            "SQLite refuses to drop a column that is indexed, part of a PRIMARY KEY or UNIQUE constraint, used in"
                    + " a CHECK or foreign key, or mentioned by a view or trigger. Drop those first (the message"
                    + " names them), or rebuild the table without the column.")
            .on(Dialect.SQLITE, Dialect.D1)
            .example(Dialect.SQLITE, "CREATE TABLE people (id integer PRIMARY KEY, email text);\n"
                    + "CREATE INDEX people_email_idx ON people (email);\nALTER TABLE people DROP COLUMN email;",
                    "DROP TABLE people;");
    public static final Rule MYSQL_DDL_IMPLICIT_COMMIT = Rule.of("mysql-ddl-implicit-commit", Severity.WARNING,
            "dialect", "DDL inside an explicit transaction on MySQL or MariaDB",
            "MySQL and MariaDB commit the open transaction before and after every DDL statement, so BEGIN ..."
                    + " ROLLBACK around DDL undoes nothing and a failure leaves the migration half applied. Keep one"
                    + " DDL change per migration, and make each statement safe to re-run.")
            .on(Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.MYSQL, "START TRANSACTION;\nCREATE TABLE sessions (id int);\nCOMMIT;",
                    "DROP TABLE sessions;");
    public static final Rule D1_EXPLICIT_TRANSACTION = Rule.of("d1-explicit-transaction", Severity.ERROR, "dialect",
            "BEGIN, COMMIT, ROLLBACK or SAVEPOINT in a D1 migration",
            "D1 runs each migration file in its own transaction and rejects explicit transaction statements."
                    + " Remove them; the file is already atomic.")
            .on(Dialect.D1)
            .example(Dialect.D1, "BEGIN TRANSACTION;\nCREATE TABLE sessions (id integer);\nCOMMIT;",
                    "DROP TABLE sessions;");
    public static final Rule D1_PRAGMA_NOT_ALLOWED = Rule.of("d1-pragma-not-allowed", Severity.ERROR, "dialect",
            "a PRAGMA that D1 does not allow",
            "D1 accepts only a few PRAGMAs (table_info, table_list, index_list, foreign_key_list, foreign_key_check,"
                    + " defer_foreign_keys, optimize, quick_check and the like); others fail with SQLITE_AUTH. Remove"
                    + " it, or use the allowed equivalent named in the message.")
            .on(Dialect.D1)
            .example(Dialect.D1, "PRAGMA journal_mode = WAL;", "SELECT 1;");
    public static final Rule D1_FOREIGN_KEYS_OFF_NOOP = Rule.of("d1-foreign-keys-off-noop", Severity.ERROR,
            "dialect", "PRAGMA foreign_keys = OFF, which does nothing on D1",
            "D1 always enforces foreign keys and ignores PRAGMA foreign_keys inside a migration, so a table"
                    + " rebuild that relies on it fails or, with ON DELETE CASCADE, deletes child rows. Use"
                    + " PRAGMA defer_foreign_keys = on, which postpones the checks to the end of the migration"
                    + " (it does not stop ON DELETE actions).")
            .on(Dialect.D1)
            .example(Dialect.D1, "PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys = ON;");
    public static final Rule D1_REBUILD_CASCADE_DATA_LOSS = Rule.of("d1-rebuild-cascade-data-loss", Severity.ERROR,
            "dialect", "dropping a parent table whose children have ON DELETE CASCADE or SET NULL, on D1",
            "On D1 foreign keys cannot be turned off, so DROP TABLE on a parent (as in the SQLite rebuild) deletes"
                    + " or nulls every child row through ON DELETE CASCADE / SET NULL; defer_foreign_keys does not"
                    + " prevent it. Copy the child rows aside first and restore them after the rebuild, or change"
                    + " the children's foreign keys before rebuilding the parent.")
            .on(Dialect.D1)
            .example(Dialect.D1, "CREATE TABLE authors (id integer PRIMARY KEY);\n"
                    + "CREATE TABLE posts (id integer PRIMARY KEY, author_id integer REFERENCES authors(id) ON DELETE CASCADE);\n"
                    + "DROP TABLE authors;", "DROP TABLE posts;");
    public static final Rule D1_LIMIT_EXCEEDED = Rule.of("d1-limit-exceeded", Severity.ERROR, "dialect",
            "a statement over D1's limits: 100 KB, 100 columns, 100 bound parameters",
            "D1 rejects statements longer than 100 KB, tables with more than 100 columns and statements with more"
                    + " than 100 bound parameters. Split the statement (several INSERTs), or split the table.")
            .on(Dialect.D1)
            .example(Dialect.D1, "INSERT INTO users (id) VALUES " + "(?), ".repeat(100) + "(?);", null);
    public static final Rule D1_UNSUPPORTED_OBJECT = Rule.of("d1-unsupported-object", Severity.ERROR, "dialect",
            "ATTACH, TEMP objects, virtual tables other than fts5 and rtree, or a _cf_ name, on D1",
            "D1 has one database per binding, no temporary objects, only the fts5 and rtree virtual table modules,"
                    + " and reserves names starting with _cf_. Use a permanent object, another module-free design,"
                    + " or another name.")
            .on(Dialect.D1)
            .example(Dialect.D1, "CREATE TEMP TABLE scratch (id integer);", "DROP TABLE scratch;");

    // Safety and locking: for tables that existed before the migration.
    public static final Rule DESTRUCTIVE_DROP = Rule.of("destructive-drop", Severity.WARNING, "safety",
            "DROP TABLE or DROP COLUMN on an existing table",
            "The data is gone on commit, and application code that still reads the table or column fails. Stop"
                    + " using it in the code first, deploy, then drop it in a later migration, after a backup.")
            .example(Dialect.POSTGRESQL, "-- drydock:irreversible replaced by accounts\nDROP TABLE users;", null);
    public static final Rule UNBOUNDED_DML = Rule.of("unbounded-dml", Severity.WARNING, "safety",
            "UPDATE or DELETE without WHERE, or TRUNCATE, on an existing table",
            "It touches every row under one lock and in one transaction; on a large table that blocks writers and"
                    + " bloats the log. Add a WHERE clause, or backfill in batches (by key range) outside the"
                    + " schema migration.")
            .example(Dialect.POSTGRESQL, "UPDATE users SET active = true;", "UPDATE users SET active = false;");
    public static final Rule NOT_NULL_WITHOUT_DEFAULT = Rule.of("not-null-without-default", Severity.ERROR, "safety",
            "adding a NOT NULL column without a default to an existing table",
            "Existing rows have no value for the column, so the statement fails on any non-empty table (and MySQL"
                    + " silently fills in zero values). Add it with a DEFAULT, or nullable, backfill, then SET NOT"
                    + " NULL.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN email text NOT NULL;",
                    "ALTER TABLE users DROP COLUMN email;");
    public static final Rule BLOCKING_INDEX_BUILD = Rule.of("blocking-index-build", Severity.WARNING, "locking",
            "building an index that blocks writes to an existing table",
            "PostgreSQL's CREATE INDEX holds a lock that blocks every INSERT, UPDATE and DELETE until the build"
                    + " ends; MySQL may copy the table. Use CREATE INDEX CONCURRENTLY (outside a transaction) on"
                    + " PostgreSQL, ALGORITHM=INPLACE, LOCK=NONE on MySQL and MariaDB.")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_email_idx ON users (email);",
                    "DROP INDEX users_email_idx;");
    public static final Rule CONCURRENT_IN_TRANSACTION = Rule.of("concurrent-in-transaction", Severity.ERROR,
            "locking", "CONCURRENTLY in a migration that runs in a transaction",
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and the like inside a"
                    + " transaction block. Put the statement in a migration of its own that runs outside a"
                    + " transaction (a '-- drydock:no-transaction' line, Flyway's executeInTransaction=false,"
                    + " dbmate's transaction:false, diesel's run_in_transaction = false).")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "UPDATE users SET active = true WHERE id = 1;\n"
                    + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);", "DROP INDEX users_name_idx;");
    public static final Rule CONSTRAINT_WITHOUT_NOT_VALID = Rule.of("constraint-without-not-valid", Severity.WARNING,
            "locking", "adding a foreign key or CHECK to an existing table without NOT VALID",
            "Adding the constraint scans the whole table while holding a lock that blocks writes. Add it NOT VALID"
                    + " (instant), then VALIDATE CONSTRAINT in a later migration, which takes a weaker lock.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);",
                    "ALTER TABLE users DROP CONSTRAINT users_age_check;");
    public static final Rule TABLE_REWRITE = Rule.of("table-rewrite", Severity.WARNING, "locking",
            "a change that rewrites the whole table under an exclusive lock",
            "Changing a column's type, adding a column with a volatile default (random(), clock_timestamp(),"
                    + " gen_random_uuid()) or a STORED generated column rewrites every row while reads and writes"
                    + " wait. Add a nullable column, backfill in batches, then switch over.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
                    "ALTER TABLE users ALTER COLUMN id TYPE int;");
    public static final Rule MISSING_LOCK_TIMEOUT = Rule.of("missing-lock-timeout", Severity.WARNING, "locking",
            "DDL on an existing table without a lock_timeout",
            "An ALTER waits for its lock behind any long query, and every query after it waits behind the ALTER:"
                    + " the table is down until the long query ends. Start the migration with SET lock_timeout ="
                    + " '5s' (and retry) so that it gives up instead.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD COLUMN nickname text;",
                    "ALTER TABLE users DROP COLUMN nickname;");
    public static final Rule BREAKING_RENAME = Rule.of("breaking-rename", Severity.WARNING, "safety",
            "renaming an existing table or column",
            "Application code that is running uses the old name and fails the moment the migration commits. Add"
                    + " the new column (or a view with the new name), move the code over, then drop the old one.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users RENAME COLUMN name TO full_name;",
                    "ALTER TABLE users RENAME COLUMN full_name TO name;");
    public static final Rule NON_IDEMPOTENT_DDL = Rule.of("non-idempotent-ddl", Severity.INFO, "safety",
            "CREATE without IF NOT EXISTS or DROP without IF EXISTS",
            "Re-running the migration after a partial failure stops at the statement that already ran. Where the"
                    + " database allows it, write IF NOT EXISTS / IF EXISTS.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE sessions (id int);", "DROP TABLE IF EXISTS sessions;");
    public static final Rule TRANSACTION_CONTROL = TransactionControl.RULE;

    // Security.
    public static final Rule HARDCODED_CREDENTIAL = Rule.of("hardcoded-credential", Severity.ERROR, "security",
            "a password, key or token written into a migration",
            "Migrations live in version control and in every backup of it; a secret there is a secret shared with"
                    + " everyone who can read the repository. Create the role without a password and set it"
                    + " outside the migration (from a secret store), and rotate the exposed secret.")
            .example(Dialect.POSTGRESQL, "CREATE ROLE app LOGIN PASSWORD 'hunter2hunter2';", "DROP ROLE app;");
    public static final Rule PRIVILEGE_ESCALATION = Rule.of("privilege-escalation", Severity.WARNING, "security",
            "GRANT ALL, grants to PUBLIC, SUPERUSER, WITH GRANT OPTION, CREATE ROLE",
            "Broad grants outlive the migration that made them and are rarely reviewed again. Grant the specific"
                    + " privileges on the specific objects to a named role, and manage roles outside migrations.")
            .example(Dialect.POSTGRESQL, "GRANT ALL ON users TO PUBLIC;", "REVOKE ALL ON users FROM PUBLIC;");
    public static final Rule SECURITY_WEAKENING = Rule.of("security-weakening", Severity.WARNING, "security",
            "turning off row level security or check constraints, or SECURITY DEFINER without search_path",
            "DISABLE ROW LEVEL SECURITY exposes every row; a SECURITY DEFINER function without SET search_path can"
                    + " be hijacked by objects in a schema the caller controls; PRAGMA ignore_check_constraints"
                    + " lets bad rows in. Keep the protection, or add SET search_path = pg_catalog, public to the"
                    + " function.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users DISABLE ROW LEVEL SECURITY;",
                    "ALTER TABLE users ENABLE ROW LEVEL SECURITY;");

    private static final List<Rule> ALL = List.of(SYNTAX_ERROR, EMPTY_MIGRATION, FILENAME_CONVENTION,
            DUPLICATE_VERSION, UNUSED_SUPPRESSION, HISTORY_MUTATED, OUT_OF_ORDER, UNKNOWN_OBJECT, DUPLICATE_OBJECT,
            ROLLBACK_MISSING, ROLLBACK_ORPHAN, ROLLBACK_EMPTY, ROLLBACK_NOT_INVERSE, IRREVERSIBLE_WITHOUT_ACK,
            DIALECT_UNSUPPORTED, IF_NOT_EXISTS_UNSUPPORTED, SQLITE_ALTER_NEEDS_REBUILD, SQLITE_ADD_COLUMN_RESTRICTION,
            SQLITE_DROP_COLUMN_BLOCKED, MYSQL_DDL_IMPLICIT_COMMIT, D1_EXPLICIT_TRANSACTION, D1_PRAGMA_NOT_ALLOWED,
            D1_FOREIGN_KEYS_OFF_NOOP, D1_REBUILD_CASCADE_DATA_LOSS, D1_LIMIT_EXCEEDED, D1_UNSUPPORTED_OBJECT,
            DESTRUCTIVE_DROP, UNBOUNDED_DML, NOT_NULL_WITHOUT_DEFAULT, BLOCKING_INDEX_BUILD, CONCURRENT_IN_TRANSACTION,
            CONSTRAINT_WITHOUT_NOT_VALID, TABLE_REWRITE, MISSING_LOCK_TIMEOUT, BREAKING_RENAME, NON_IDEMPOTENT_DDL,
            TRANSACTION_CONTROL, SetNotNullScan.RULE, UniqueConstraintBlocking.RULE, BlockingIndexDrop.RULE,
            IdentifierTooLong.RULE, NotNullViolation.RULE, DmlTypeMismatch.RULE, DataStatementCheck.AMBIGUOUS_COLUMN, PreferBigint.RULE, PreferText.RULE, PreferTimestamptz.RULE, PreferIdentity.RULE,
            HARDCODED_CREDENTIAL, PRIVILEGE_ESCALATION, SECURITY_WEAKENING);

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
