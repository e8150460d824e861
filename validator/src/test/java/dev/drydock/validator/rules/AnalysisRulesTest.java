package dev.drydock.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that read the replayed schema: each case is a migration V2 (with its rollback U2) on top of V1, which
 * creates {@code users (id, name, email, age, active)}; the case says whether its rule fires on V2 or U2.
 */
class AnalysisRulesTest {

    static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name varchar(100), email text, age int,"
            + " active boolean);";

    record Case(String rule, Dialect dialect, boolean fires, String forward, String rollback, String why) {
        @Override
        public String toString() {
            return (fires ? "fires: " : "silent: ") + rule + " on " + dialect.id() + " (" + why + ")";
        }
    }

    private static Case fires(String rule, Dialect dialect, String forward, String rollback, String why) {
        return new Case(rule, dialect, true, forward, rollback, why);
    }

    private static Case silent(String rule, Dialect dialect, String forward, String rollback, String why) {
        return new Case(rule, dialect, false, forward, rollback, why);
    }

    static List<Case> cases() {
        Dialect pg = Dialect.POSTGRESQL;
        Dialect my = Dialect.MYSQL;
        Dialect maria = Dialect.MARIADB;
        Dialect lite = Dialect.SQLITE;
        Dialect d1 = Dialect.D1;
        List<Case> cases = new ArrayList<>(List.of(
                // schema consistency
                fires("unknown-object", pg, "ALTER TABLE accounts ADD COLUMN x int;", "SELECT 1;", "no such table"),
                fires("unknown-object", pg, "UPDATE users SET nickname = 'x' WHERE id = 1;", "SELECT 1;", "DML column"),
                fires("unknown-object", pg, "INSERT INTO users (id, nick) VALUES (1, 'a');", "SELECT 1;", "INSERT column"),
                fires("unknown-object", pg, "ALTER TABLE users DROP COLUMN email;\nCREATE INDEX e ON users (email);",
                        "SELECT 1;", "a dropped column"),
                silent("unknown-object", pg, "ALTER TABLE users RENAME COLUMN email TO mail;\n"
                        + "UPDATE users SET mail = lower(mail) WHERE id > 0;", "ALTER TABLE users RENAME COLUMN mail TO email;",
                        "renamed column"),
                silent("unknown-object", pg, "DROP TABLE IF EXISTS accounts;", "SELECT 1;", "IF EXISTS"),
                fires("duplicate-object", pg, "ALTER TABLE users ADD COLUMN email text;", "SELECT 1;", "column exists"),
                fires("duplicate-object", lite, "CREATE TABLE users (id integer);", "SELECT 1;", "table exists"),
                silent("duplicate-object", pg, "CREATE TABLE IF NOT EXISTS users (id int);", "SELECT 1;", "IF NOT EXISTS"),
                silent("duplicate-object", lite, "CREATE TABLE users_new (id integer PRIMARY KEY, name text);\n"
                        + "INSERT INTO users_new (id, name) SELECT id, name FROM users;\nDROP TABLE users;\n"
                        + "ALTER TABLE users_new RENAME TO users;\nCREATE TABLE users_new (id integer);",
                        "SELECT 1;", "the SQLite rebuild frees the name"),
                // rollback reversal, implicit effects included
                silent("rollback-not-inverse", maria, "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon';",
                        "ALTER TABLE users ALTER COLUMN name SET DEFAULT NULL;",
                        "DEFAULT NULL is a nullable column without a default"),
                silent("rollback-not-inverse", maria, "ALTER TABLE users ADD INDEX IF NOT EXISTS users_age (age);",
                        "ALTER TABLE users DROP INDEX IF EXISTS users_age;", "MariaDB's ADD INDEX IF NOT EXISTS is an index"),
                silent("duplicate-object", maria, "ALTER TABLE users ADD INDEX users_age (age);\n"
                        + "ALTER TABLE users ADD INDEX IF NOT EXISTS users_age (age);",
                        "ALTER TABLE users DROP INDEX users_age;", "IF NOT EXISTS on an index there is"),
                silent("dml-type-mismatch", pg, "CREATE TYPE mood AS ENUM ('ok', 'sad');\n"
                        + "ALTER TABLE users ADD COLUMN m boolean DEFAULT false;\nALTER TABLE users"
                        + " ALTER COLUMN m DROP DEFAULT, ALTER COLUMN m TYPE mood USING CASE WHEN m THEN 'ok'::mood"
                        + " ELSE 'sad'::mood END, ALTER COLUMN m SET DEFAULT 'sad';", "ALTER TABLE users DROP COLUMN m;\n"
                        + "DROP TYPE mood;", "a DEFAULT set after the same statement's new type"),
                silent("unknown-object", maria, "SET @q = CONCAT('ALTER TABLE users ADD COLUMN ', 'extra', ' INT');\n"
                        + "PREPARE st FROM @q;\nEXECUTE st;\nDEALLOCATE PREPARE st;\nALTER TABLE users DROP COLUMN extra;",
                        "SELECT 1;", "a column dynamic SQL may have added"),
                fires("rollback-not-inverse", pg, "CREATE INDEX users_email_idx ON users (email);", "SELECT 1;",
                        "index left behind"),
                silent("rollback-not-inverse", pg, "CREATE INDEX users_email_idx ON users (email);\n"
                        + "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users ADD COLUMN email text;",
                        "dropping a column drops its index"),
                silent("rollback-not-inverse", pg, "ALTER TABLE users DROP COLUMN name;",
                        "ALTER TABLE users ADD COLUMN name varchar(100);", "re-added at another position"),
                fires("rollback-not-inverse", pg, "ALTER TABLE users DROP COLUMN name;",
                        "ALTER TABLE users ADD COLUMN name text;", "re-added with another type"),
                silent("rollback-not-inverse", pg, "ALTER TABLE users ALTER COLUMN age TYPE bigint;",
                        "ALTER TABLE users ALTER COLUMN age TYPE int4;", "int and int4 are one type"),
                fires("rollback-not-inverse", pg, "ALTER TABLE users ALTER COLUMN age SET NOT NULL;", "SELECT 1;",
                        "nullability"),
                silent("rollback-not-inverse", pg, "CREATE TABLE posts (id serial PRIMARY KEY, user_id int REFERENCES"
                        + " users(id) ON DELETE CASCADE);\nCREATE INDEX posts_user_idx ON posts (user_id);\n"
                        + "CREATE TRIGGER t BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION f();",
                        "DROP TABLE posts;", "a dropped table takes its indexes, triggers and sequence"),
                fires("rollback-not-inverse", pg, "CREATE TABLE posts (id serial PRIMARY KEY);\n"
                        + "CREATE VIEW recent AS SELECT * FROM posts;", "DROP VIEW recent;", "table left behind"),
                silent("rollback-not-inverse", pg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                        "ALTER TABLE users DROP CONSTRAINT users_email_key;", "named constraint"),
                silent("rollback-not-inverse", pg, "ALTER TABLE users ADD UNIQUE (email);",
                        "ALTER TABLE users DROP CONSTRAINT users_email_key;", "PostgreSQL's generated name"),
                silent("rollback-not-inverse", pg, "ALTER TABLE users RENAME TO people;", "ALTER TABLE people RENAME TO users;",
                        "rename and back"),
                fires("rollback-not-inverse", lite, "CREATE TABLE users_new (id integer PRIMARY KEY, name text);\n"
                        + "INSERT INTO users_new SELECT id, name FROM users;\nDROP TABLE users;\n"
                        + "ALTER TABLE users_new RENAME TO users;", "SELECT 1;", "a rebuild that drops columns"),
                fires("irreversible-without-ack", pg, "DELETE FROM users WHERE active = false;", "SELECT 1;", "DELETE"),
                fires("irreversible-without-ack", pg, "ALTER TABLE users ALTER COLUMN name TYPE varchar(10);",
                        "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);", "narrowing"),
                silent("irreversible-without-ack", pg, "-- drydock:irreversible old rows are archived\n"
                        + "DELETE FROM users WHERE active = false;", "SELECT 1;", "acknowledged"),
                silent("irreversible-without-ack", pg, "CREATE TABLE tmp (id int);\nDROP TABLE tmp;", "SELECT 1;",
                        "a table of this migration"),
                // dialect compatibility
                fires("dialect-unsupported", lite, "CREATE INDEX CONCURRENTLY i ON users (email);", "DROP INDEX i;",
                        "CONCURRENTLY"),
                fires("dialect-unsupported", my, "COMMENT ON TABLE users IS 'people';", "SELECT 1;", "COMMENT ON"),
                fires("dialect-unsupported", my, "ALTER TABLE users ADD COLUMN meta jsonb;",
                        "ALTER TABLE users DROP COLUMN meta;", "JSONB"),
                fires("dialect-unsupported", pg, "ALTER TABLE users ADD COLUMN seen datetime;",
                        "ALTER TABLE users DROP COLUMN seen;", "DATETIME"),
                fires("dialect-unsupported", pg, "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY);", "DROP TABLE t;",
                        "AUTO_INCREMENT"),
                fires("dialect-unsupported", lite, "DO $$ BEGIN PERFORM 1; END $$;", "SELECT 1;", "DO block"),
                fires("dialect-unsupported", my, "INSERT INTO users (id) VALUES (1) ON CONFLICT DO NOTHING;",
                        "DELETE FROM users WHERE id = 1;", "ON CONFLICT"),
                fires("dialect-unsupported", my, "INSERT INTO users (id) VALUES (1) RETURNING id;",
                        "DELETE FROM users WHERE id = 1;", "RETURNING on MySQL"),
                silent("dialect-unsupported", maria, "INSERT INTO users (id) VALUES (1) RETURNING id;",
                        "DELETE FROM users WHERE id = 1;", "RETURNING on MariaDB"),
                fires("dialect-unsupported", lite, "CREATE TABLE t (id serial PRIMARY KEY);", "DROP TABLE t;", "SERIAL"),
                fires("dialect-unsupported", maria, "CREATE INDEX users_age_idx ON users (age) WHERE active;",
                        "DROP INDEX users_age_idx ON users;", "a partial index"),
                fires("dialect-unsupported", maria, "ALTER TABLE users ADD COLUMN meta jsonb;",
                        "ALTER TABLE users DROP COLUMN meta;", "JSONB on MariaDB"),
                fires("dialect-unsupported", maria, "SELECT age::text FROM users;", "SELECT 1;", "a :: cast"),
                fires("dialect-unsupported", maria, "ALTER TABLE users ADD COLUMN meta json;\n"
                        + "UPDATE users SET name = meta->>'$.name' WHERE meta->'$.name' IS NOT NULL;",
                        "ALTER TABLE users DROP COLUMN meta;", "MySQL's JSON operators"),
                silent("dialect-unsupported", maria, "ALTER TABLE users ADD COLUMN meta json;\n"
                        + "UPDATE users SET name = JSON_VALUE(meta, '$.name') WHERE age - -1 > 0 AND age -1 >= 0;",
                        "ALTER TABLE users DROP COLUMN meta;", "JSON_VALUE, and minus before a number"),
                silent("dialect-unsupported", my, "ALTER TABLE users ADD COLUMN meta json;\n"
                        + "UPDATE users SET name = meta->>'$.name' WHERE meta->'$.name' IS NOT NULL;",
                        "ALTER TABLE users DROP COLUMN meta;", "MySQL has them"),
                fires("dialect-unsupported", maria, "INSERT INTO users (id) VALUES (1) ON CONFLICT DO NOTHING;",
                        "DELETE FROM users WHERE id = 1;", "ON CONFLICT on MariaDB"),
                fires("dialect-unsupported", lite, "SELECT gen_random_uuid();", "SELECT 1;", "gen_random_uuid"),
                silent("dialect-unsupported", pg, "CREATE TABLE t (id serial PRIMARY KEY, body jsonb,"
                        + " at timestamptz DEFAULT now());", "DROP TABLE t;", "PostgreSQL's own"),
                silent("dialect-unsupported", lite, "CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT,"
                        + " at text DEFAULT CURRENT_TIMESTAMP);", "DROP TABLE t;", "SQLite's own"),
                fires("if-not-exists-unsupported", my, "ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;",
                        "ALTER TABLE users DROP COLUMN x;", "MySQL ADD COLUMN"),
                fires("if-not-exists-unsupported", lite, "ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;",
                        "ALTER TABLE users DROP COLUMN x;", "SQLite ADD COLUMN"),
                fires("if-not-exists-unsupported", pg, "ALTER TABLE users ADD CONSTRAINT IF NOT EXISTS c CHECK (age > 0);",
                        "SELECT 1;", "PostgreSQL ADD CONSTRAINT"),
                silent("if-not-exists-unsupported", maria, "ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;",
                        "ALTER TABLE users DROP COLUMN IF EXISTS x;", "MariaDB has them all"),
                silent("if-not-exists-unsupported", pg, "ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;",
                        "ALTER TABLE users DROP COLUMN IF EXISTS x;", "PostgreSQL ADD COLUMN"),
                fires("sqlite-alter-needs-rebuild", lite, "ALTER TABLE users ALTER COLUMN age TYPE bigint;", "SELECT 1;",
                        "type change"),
                fires("sqlite-alter-needs-rebuild", lite, "ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0);",
                        "SELECT 1;", "ADD CONSTRAINT"),
                silent("sqlite-alter-needs-rebuild", lite, "ALTER TABLE users RENAME COLUMN name TO full_name;",
                        "ALTER TABLE users RENAME COLUMN full_name TO name;", "RENAME COLUMN on 3.25+"),
                fires("sqlite-add-column-restriction", lite, "ALTER TABLE users ADD COLUMN code text UNIQUE;",
                        "ALTER TABLE users DROP COLUMN code;", "UNIQUE"),
                fires("sqlite-add-column-restriction", lite, "ALTER TABLE users ADD COLUMN at text DEFAULT CURRENT_TIMESTAMP;",
                        "ALTER TABLE users DROP COLUMN at;", "CURRENT_TIMESTAMP"),
                silent("sqlite-add-column-restriction", lite, "ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT '';",
                        "ALTER TABLE users DROP COLUMN code;", "constant default"),
                fires("sqlite-drop-column-blocked", lite, "CREATE INDEX users_email_idx ON users (email);\n"
                        + "ALTER TABLE users DROP COLUMN email;", "SELECT 1;", "indexed"),
                fires("sqlite-drop-column-blocked", lite, "CREATE VIEW adults AS SELECT name FROM users WHERE age >= 18;\n"
                        + "ALTER TABLE users DROP COLUMN age;", "SELECT 1;", "used by a view"),
                silent("sqlite-drop-column-blocked", lite, "ALTER TABLE users DROP COLUMN email;",
                        "ALTER TABLE users ADD COLUMN email text;", "nothing uses it"),
                fires("mysql-ddl-implicit-commit", maria, "BEGIN;\nALTER TABLE users ADD COLUMN x int;\nCOMMIT;",
                        "ALTER TABLE users DROP COLUMN x;", "DDL in BEGIN"),
                silent("mysql-ddl-implicit-commit", my, "ALTER TABLE users ADD COLUMN x int;",
                        "ALTER TABLE users DROP COLUMN x;", "no BEGIN"),
                fires("d1-explicit-transaction", d1, "BEGIN TRANSACTION;\nCREATE TABLE t (id integer);\nCOMMIT;",
                        "DROP TABLE t;", "BEGIN"),
                silent("d1-explicit-transaction", lite, "BEGIN TRANSACTION;\nCREATE TABLE t (id integer);\nCOMMIT;",
                        "DROP TABLE t;", "SQLite allows it"),
                fires("d1-pragma-not-allowed", d1, "PRAGMA journal_mode = WAL;", "SELECT 1;", "journal_mode"),
                silent("d1-pragma-not-allowed", d1, "PRAGMA defer_foreign_keys = on;", "SELECT 1;", "allowed"),
                fires("d1-foreign-keys-off-noop", d1, "PRAGMA foreign_keys = OFF;", "SELECT 1;", "OFF"),
                silent("d1-foreign-keys-off-noop", d1, "PRAGMA foreign_keys = ON;", "SELECT 1;", "ON"),
                fires("d1-rebuild-cascade-data-loss", d1, "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer"
                        + " REFERENCES users(id) ON DELETE CASCADE);\nCREATE TABLE users_new (id integer PRIMARY KEY,"
                        + " name text, email text, age integer, active integer);\nINSERT INTO users_new SELECT * FROM users;\n"
                        + "DROP TABLE users;\nALTER TABLE users_new RENAME TO users;", "DROP TABLE posts;",
                        "a rebuild of a parent with CASCADE children"),
                silent("d1-rebuild-cascade-data-loss", d1, "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer"
                        + " REFERENCES users(id));\nDROP TABLE posts;", "SELECT 1;", "no ON DELETE action"),
                fires("d1-limit-exceeded", d1, "INSERT INTO users (id) VALUES " + "(?),".repeat(120) + "(?);", "SELECT 1;",
                        "parameters"),
                silent("d1-limit-exceeded", d1, "INSERT INTO users (id) VALUES (?), (?);", "SELECT 1;", "two parameters"),
                fires("d1-unsupported-object", d1, "CREATE VIRTUAL TABLE docs USING fts4(body);", "DROP TABLE docs;",
                        "fts4"),
                fires("d1-unsupported-object", d1, "ATTACH DATABASE 'x.db' AS x;", "DETACH DATABASE x;", "ATTACH"),
                silent("d1-unsupported-object", d1, "CREATE VIRTUAL TABLE docs USING fts5(body);", "DROP TABLE docs;",
                        "fts5"),
                // safety and locking
                fires("destructive-drop", pg, "-- drydock:irreversible\nALTER TABLE users DROP COLUMN age;", "SELECT 1;",
                        "DROP COLUMN"),
                silent("destructive-drop", pg, "CREATE TABLE tmp (id int);\nDROP TABLE tmp;", "SELECT 1;",
                        "created in the same migration"),
                silent("destructive-drop", lite, "CREATE TABLE users_new (id integer PRIMARY KEY, name text, email text,"
                        + " age integer, active integer);\nINSERT INTO users_new SELECT * FROM users;\nDROP TABLE users;\n"
                        + "ALTER TABLE users_new RENAME TO users;", "SELECT 1;", "the rebuild keeps the rows"),
                fires("unbounded-dml", pg, "UPDATE users SET active = true;", "SELECT 1;", "no WHERE"),
                silent("unbounded-dml", pg, "UPDATE users SET active = true WHERE id < 1000;", "SELECT 1;", "WHERE"),
                // read from PostgreSQL's parse tree: a clause of one action says nothing of another
                fires("not-null-without-default", pg, "ALTER TABLE users ADD COLUMN score int NOT NULL"
                        + " CHECK (score > CAST('0' AS int));", "ALTER TABLE users DROP COLUMN score;",
                        "the AS of a CAST is no generated column"),
                fires("constraint-without-not-valid", pg, "ALTER TABLE users ADD CONSTRAINT adult CHECK (age >= 18)"
                        + " NOT VALID, ADD CONSTRAINT users_self_fk FOREIGN KEY (age) REFERENCES users (id);",
                        "ALTER TABLE users DROP CONSTRAINT users_self_fk, DROP CONSTRAINT adult;",
                        "NOT VALID on the CHECK leaves the foreign key validated"),
                fires("not-null-without-default", pg, "ALTER TABLE users ADD COLUMN code text NOT NULL;",
                        "ALTER TABLE users DROP COLUMN code;", "no default"),
                silent("not-null-without-default", pg, "ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT '';",
                        "ALTER TABLE users DROP COLUMN code;", "default"),
                fires("blocking-index-build", pg, "CREATE INDEX users_age_idx ON users (age);", "DROP INDEX users_age_idx;",
                        "no CONCURRENTLY"),
                fires("blocking-index-build", my, "CREATE INDEX users_age_idx ON users (age);",
                        "DROP INDEX users_age_idx ON users;", "no ALGORITHM"),
                silent("blocking-index-build", pg, "-- drydock:no-transaction\n"
                        + "CREATE INDEX CONCURRENTLY users_age_idx ON users (age);", "DROP INDEX users_age_idx;",
                        "CONCURRENTLY"),
                silent("blocking-index-build", pg, "CREATE TABLE t (id int);\nCREATE INDEX t_id_idx ON t (id);",
                        "DROP TABLE t;", "a new table"),
                fires("concurrent-in-transaction", pg, "UPDATE users SET age = 1 WHERE id = 1;\n"
                        + "CREATE INDEX CONCURRENTLY users_age_idx ON users (age);", "DROP INDEX users_age_idx;",
                        "mixed with transactional statements"),
                silent("concurrent-in-transaction", pg, "CREATE INDEX CONCURRENTLY users_age_idx ON users (age);",
                        "DROP INDEX users_age_idx;", "alone: Flyway runs it outside a transaction"),
                fires("constraint-without-not-valid", pg, "ALTER TABLE users ADD CONSTRAINT adult CHECK (age >= 18);",
                        "ALTER TABLE users DROP CONSTRAINT adult;", "no NOT VALID"),
                silent("constraint-without-not-valid", pg, "ALTER TABLE users ADD CONSTRAINT adult CHECK (age >= 18) NOT VALID;",
                        "ALTER TABLE users DROP CONSTRAINT adult;", "NOT VALID"),
                fires("table-rewrite", pg, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                        "ALTER TABLE users DROP COLUMN token;", "volatile default"),
                silent("table-rewrite", pg, "ALTER TABLE users ALTER COLUMN name TYPE varchar(200);",
                        "SELECT 1;", "widening varchar"),
                fires("missing-lock-timeout", pg, "ALTER TABLE users ADD COLUMN nick text;",
                        "ALTER TABLE users DROP COLUMN nick;", "no lock_timeout"),
                silent("missing-lock-timeout", pg, "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nick text;",
                        "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN nick;", "lock_timeout set"),
                fires("breaking-rename", pg, "ALTER TABLE users RENAME TO people;", "ALTER TABLE people RENAME TO users;",
                        "table rename"),
                silent("breaking-rename", pg, "CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;",
                        "DROP TABLE t;", "a new table"),
                fires("non-idempotent-ddl", pg, "CREATE TABLE t (id int);", "DROP TABLE IF EXISTS t;", "no IF NOT EXISTS"),
                silent("non-idempotent-ddl", my, "CREATE INDEX users_age_idx ON users (age);",
                        "DROP INDEX users_age_idx ON users;", "MySQL has no IF NOT EXISTS there"),
                fires("transaction-control", pg, "-- drydock:no-transaction\nBEGIN;\nUPDATE users SET age = 1 WHERE id = 1;",
                        "SELECT 1;", "unclosed"),
                fires("transaction-control", pg, "-- drydock:no-transaction\nBEGIN;\nBEGIN;\nUPDATE users SET age = 1 WHERE id = 1;\nCOMMIT;",
                        "SELECT 1;", "nested"),
                silent("transaction-control", pg, "-- drydock:no-transaction\nBEGIN;\nUPDATE users SET age = 1 WHERE id = 1;\n"
                        + "COMMIT;", "SELECT 1;", "closed, in a migration the runner does not wrap"),
                // security
                fires("hardcoded-credential", pg, "CREATE ROLE app LOGIN PASSWORD 'correct horse';", "DROP ROLE app;",
                        "PASSWORD"),
                fires("hardcoded-credential", my, "CREATE USER app IDENTIFIED BY 'correct horse';", "DROP USER app;",
                        "IDENTIFIED BY"),
                fires("hardcoded-credential", pg, "INSERT INTO users (id, name) VALUES (1, 'postgres://app:s3cret@db/app');",
                        "DELETE FROM users WHERE id = 1;", "connection string"),
                fires("hardcoded-credential", pg, "INSERT INTO users (id, name) VALUES (1, 'AKIAIOSFODNN7EXAMPLE');",
                        "DELETE FROM users WHERE id = 1;", "AWS access key"),
                silent("hardcoded-credential", pg, "INSERT INTO users (id, name) VALUES (1, 'd41d8cd98f00b204e9800998ecf8427e');",
                        "DELETE FROM users WHERE id = 1;", "an MD5 in hex"),
                silent("hardcoded-credential", pg, "CREATE ROLE app LOGIN;", "DROP ROLE app;", "no password"),
                fires("privilege-escalation", pg, "GRANT ALL ON users TO app;", "REVOKE ALL ON users FROM app;", "ALL"),
                fires("privilege-escalation", pg, "ALTER ROLE app SUPERUSER;", "ALTER ROLE app NOSUPERUSER;", "SUPERUSER"),
                fires("privilege-escalation", pg, "GRANT SELECT ON users TO app WITH GRANT OPTION;",
                        "REVOKE SELECT ON users FROM app;", "WITH GRANT OPTION"),
                silent("privilege-escalation", pg, "GRANT SELECT ON users TO app;", "REVOKE SELECT ON users FROM app;",
                        "a specific grant"),
                fires("security-weakening", pg, "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER"
                        + " AS $$ SELECT 1 $$;", "DROP FUNCTION f();", "SECURITY DEFINER"),
                silent("security-weakening", pg, "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER"
                        + " SET search_path = pg_catalog AS $$ SELECT 1 $$;", "DROP FUNCTION f();", "search_path set"),
                // what PostgreSQL and SQLite do implicitly, done as they do it
                silent("duplicate-object", pg, "CREATE UNIQUE INDEX ON users (lower(name));\n"
                        + "CREATE INDEX users_name_idx ON users (name);", "SELECT 1;", "an expression index is named after its function"),
                fires("duplicate-object", pg, "CREATE INDEX ON users (lower(name));\n"
                        + "CREATE INDEX users_lower_idx ON users (email);", "SELECT 1;", "the name PostgreSQL chose"),
                silent("duplicate-object", pg, "CREATE INDEX ON users (lower(name));\nCREATE INDEX ON users (lower(name));\n"
                        + "CREATE INDEX users_lower_idx2 ON users (email);", "SELECT 1;", "numbered on a collision: 1, not 2"),
                silent("unknown-object", pg, "CREATE TABLE customer_subscription_billing_history_entries"
                        + " (the_identifier_of_the_account_holder int UNIQUE);\n"
                        + "ALTER TABLE customer_subscription_billing_history_entries DROP CONSTRAINT"
                        + " customer_subscription_billing_the_identifier_of_the_account_key;",
                        "DROP TABLE customer_subscription_billing_history_entries;", "cut to 63 bytes as PostgreSQL cuts"),
                silent("rollback-not-inverse", pg, "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                        + "COMMENT ON FUNCTION f() IS 'one';", "DROP FUNCTION f();", "a comment goes with its function"),
                silent("unknown-object", pg, "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM users;\n"
                        + "CREATE UNIQUE INDEX mv_id ON mv (id);", "DROP INDEX mv_id;\nDROP MATERIALIZED VIEW mv;",
                        "an index on a materialized view"),
                silent("rollback-not-inverse", pg, "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM users;\n"
                        + "CREATE UNIQUE INDEX mv_id ON mv (id);", "DROP MATERIALIZED VIEW mv;",
                        "its indexes go with the materialized view"),
                fires("unknown-object", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES user_rows (id));",
                        "DROP TABLE orders;", "a foreign key to a table nothing made"),
                silent("unknown-object", pg, "CREATE TABLE orders (id int PRIMARY KEY, owner uuid REFERENCES auth.users (id));",
                        "DROP TABLE orders;", "a table of a schema no migration made may be the platform's"),
                fires("rollback-not-inverse", pg, "CREATE OPERATOR CLASS age_ops FOR TYPE int4 USING btree AS"
                        + " OPERATOR 1 <, OPERATOR 3 =, FUNCTION 1 btint4cmp(int4, int4);",
                        "DROP OPERATOR CLASS age_ops USING btree;", "the family PostgreSQL made stays"),
                silent("rollback-not-inverse", pg, "CREATE OPERATOR CLASS age_ops FOR TYPE int4 USING btree AS"
                        + " OPERATOR 1 <, OPERATOR 3 =, FUNCTION 1 btint4cmp(int4, int4);\n"
                        + "CREATE INDEX users_age_o ON users (age age_ops);",
                        "DROP INDEX users_age_o;\nDROP OPERATOR FAMILY age_ops USING btree;",
                        "the family takes its class; a migration's own operator class"),
                fires("unknown-object", pg, "CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);",
                        "DROP INDEX users_name_trgm;", "pg_trgm's operator class without the extension"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX users_name_trgm ON"
                        + " users USING gin (name gin_trgm_ops);\nCREATE INDEX users_email_p ON users (email"
                        + " pg_catalog.text_pattern_ops DESC, lower(name) varchar_pattern_ops);",
                        "DROP INDEX users_email_p;\nDROP INDEX users_name_trgm;\nDROP EXTENSION pg_trgm;",
                        "an extension's operator class; built-in ones"),
                fires("unknown-object", pg, "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW"
                        + " EXECUTE FUNCTION touch_updated_at();", "DROP TRIGGER users_touch ON users;",
                        "a trigger's function nothing made"),
                silent("unknown-object", pg, "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RETURN NEW; END $$;\nCREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW"
                        + " EXECUTE PROCEDURE touch('name');\nALTER TABLE users ADD COLUMN doc tsvector;\n"
                        + "CREATE TRIGGER users_doc BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION"
                        + " tsvector_update_trigger(doc, 'pg_catalog.english', name);",
                        "DROP TRIGGER users_doc ON users;\nALTER TABLE users DROP COLUMN doc;\n"
                        + "DROP TRIGGER users_touch ON users;\nDROP FUNCTION touch();",
                        "a migration's function, with arguments; PostgreSQL's own trigger function"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS moddatetime;\nCREATE TRIGGER users_touch"
                        + " BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION moddatetime(name);",
                        "DROP TRIGGER users_touch ON users;\nDROP EXTENSION moddatetime;", "an extension's function"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a int, CONSTRAINT t2_c CHECK (b > 0));", "DROP TABLE t2;",
                        "a CHECK on a column the new table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_age_c CHECK (agee >= 0);",
                        "ALTER TABLE users DROP CONSTRAINT users_age_c;", "a CHECK on a column the table lacks"),
                fires("unknown-object", pg, "CREATE TYPE mood AS ENUM ('a', 'b');\nALTER TYPE mood RENAME VALUE 'c' TO 'd';",
                        "DROP TYPE mood;", "renaming a label the enum lacks"),
                fires("unknown-object", pg, "CREATE TYPE mood AS ENUM ('a', 'b');\nALTER TYPE mood ADD VALUE 'x' BEFORE 'A';",
                        "DROP TYPE mood;", "adding a label before one the enum lacks (labels keep their case)"),
                fires("duplicate-object", pg, "CREATE TYPE mood AS ENUM ('a', 'b');\nALTER TYPE mood ADD VALUE 'a';",
                        "DROP TYPE mood;", "adding a label the enum has"),
                fires("duplicate-object", pg, "CREATE TYPE mood AS ENUM ('a', 'b');\nALTER TYPE mood RENAME VALUE 'a' TO 'b';",
                        "DROP TYPE mood;", "renaming a label to one the enum has"),
                silent("unknown-object", pg, "CREATE TYPE mood AS ENUM ('a', 'it''s');\nALTER TYPE mood ADD VALUE 'c' AFTER 'a';\n"
                        + "ALTER TYPE mood ADD VALUE 'd' BEFORE 'c';\nALTER TYPE mood RENAME VALUE 'd' TO 'e';\n"
                        + "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'a';\nALTER TYPE mood RENAME VALUE 'it''s' TO 'its';",
                        "DROP TYPE mood;", "labels added, renamed and quoted"),
                silent("duplicate-object", pg, "CREATE TYPE mood AS ENUM ('a', 'b');\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'a';",
                        "DROP TYPE mood;", "IF NOT EXISTS on a label the enum has"),
                fires("unknown-object", lite, "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (c * 2));", "DROP TABLE t;",
                        "SQLite: a generated column of a column the table lacks"),
                fires("unknown-object", d1, "CREATE TABLE t (a int CHECK (b > 0));", "DROP TABLE t;",
                        "D1: a CHECK of a column the table lacks"),
                fires("unknown-object", d1, "CREATE TABLE t (id integer PRIMARY KEY, x varchar(10)) STRICT;", "DROP TABLE t;",
                        "D1: a STRICT table's column of a type SQLite does not know"),
                silent("unknown-object", lite, "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, zzz int CHECK (yyy > 0));\n"
                        + "CREATE TABLE t (a int, \"Weird Col\" text CHECK (\"Weird Col\" <> ''), c int CHECK (c > a),"
                        + " d text GENERATED ALWAYS AS (upper(\"Weird Col\")) VIRTUAL, FOREIGN KEY (c) REFERENCES nope(id));\n"
                        + "CREATE TABLE s (id INTEGER PRIMARY KEY, v ANY, r REAL, n INT, t TEXT, b BLOB) STRICT, WITHOUT ROWID;",
                        "DROP TABLE s;\nDROP TABLE t;", "IF NOT EXISTS of a table there is (SQLite skips it), quoted"
                        + " names, a key to a table SQLite does not look for, STRICT's types"),
                fires("unknown-object", lite, "CREATE INDEX users_email_lower ON users (lower(emial));",
                        "DROP INDEX users_email_lower;", "SQLite: an index expression of a column the table lacks"),
                fires("unknown-object", d1, "ALTER TABLE users RENAME COLUMN email TO mail;\n"
                        + "CREATE INDEX users_on ON users (name) WHERE email IS NOT NULL;",
                        "DROP INDEX users_on;\nALTER TABLE users RENAME COLUMN mail TO email;",
                        "D1: a partial index's WHERE of a column renamed away"),
                silent("unknown-object", lite, "CREATE INDEX users_email_lower ON users (lower(email), name COLLATE NOCASE)"
                        + " WHERE active = 1 AND age > 0 AND rowid > 0;\nCREATE TABLE \"my table\" (\"a b\" int, c text);\n"
                        + "CREATE INDEX mt ON \"my table\" (lower(c)) WHERE \"a b\" > 0;\n"
                        + "CREATE INDEX IF NOT EXISTS users_email_lower ON users (lower(zzz));",
                        "DROP INDEX mt;\nDROP TABLE \"my table\";\nDROP INDEX users_email_lower;",
                        "SQLite's expressions, quoted names, rowid, IF NOT EXISTS of an index there is"),
                fires("unknown-object", maria, "CREATE INDEX users_email_prefix ON users (name, emial(10) ASC);",
                        "DROP INDEX users_email_prefix ON users;", "a MySQL index prefix of a column the table lacks"),
                silent("unknown-object", maria, "CREATE INDEX users_email_prefix ON users (email(10) DESC, name);",
                        "DROP INDEX users_email_prefix ON users;", "a MySQL index prefix"),
                fires("unknown-object", maria, "CREATE TABLE orders (id int PRIMARY KEY, team_id int,"
                        + " FOREIGN KEY (team_id) REFERENCES teams(id));", "DROP TABLE orders;",
                        "a foreign key to a table nothing made, foreign_key_checks on (errno 150)"),
                fires("unknown-object", maria, "CREATE TABLE orders (id int PRIMARY KEY, team_id int REFERENCES teams(id));",
                        "DROP TABLE orders;", "MariaDB makes a column's inline REFERENCES a key"),
                silent("unknown-object", my, "CREATE TABLE orders (id int PRIMARY KEY, team_id int REFERENCES teams(id));",
                        "DROP TABLE orders;", "MySQL ignores a column's inline REFERENCES"),
                fires("unknown-object", maria, "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS,"
                        + " FOREIGN_KEY_CHECKS=0 */;\nCREATE TABLE teams (id int PRIMARY KEY);\n"
                        + "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
                        + "CREATE TABLE orders (id int PRIMARY KEY, team_id int, FOREIGN KEY (team_id) REFERENCES nope(id));",
                        "DROP TABLE orders;\nDROP TABLE teams;", "a dump's checks restored before the key"),
                silent("unknown-object", maria, "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS,"
                        + " FOREIGN_KEY_CHECKS=0 */;\nCREATE TABLE orders (id int PRIMARY KEY, team_id int,"
                        + " FOREIGN KEY (team_id) REFERENCES teams(id));\nCREATE TABLE teams (id int PRIMARY KEY);\n"
                        + "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
                        + "SET @@session.foreign_key_checks = OFF;\nCREATE TABLE audits (id int, o int,"
                        + " FOREIGN KEY (o) REFERENCES later(id));\nCREATE TABLE later (id int PRIMARY KEY);\n"
                        + "SET foreign_key_checks = 1;",
                        "DROP TABLE audits;\nDROP TABLE later;\nDROP TABLE orders;\nDROP TABLE teams;",
                        "foreign_key_checks off, in a dump's executable comment and as @@session"),
                fires("dependent-objects", maria, "CREATE TABLE orders (id int, user_id int, FOREIGN KEY (user_id)"
                        + " REFERENCES users(id));\nDROP TABLE users CASCADE;", "SELECT 1;",
                        "a table another table's key points at: MariaDB ignores CASCADE (error 1451)"),
                silent("dependent-objects", maria, "CREATE TABLE orders (id int, user_id int, FOREIGN KEY (user_id)"
                        + " REFERENCES users(id));\nSET FOREIGN_KEY_CHECKS=0;\nDROP TABLE users;\nSET FOREIGN_KEY_CHECKS=1;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY);\nDROP TABLE orders, users;",
                        "SELECT 1;", "foreign_key_checks off, or the key's table dropped in the same statement"),
                fires("unknown-object", pg, "CREATE TABLE t (id bigserial, n text);\nALTER TABLE t RENAME TO accounts;\n"
                        + "SELECT setval('accounts_id_seq', 10);", "DROP TABLE accounts;",
                        "a sequence called by the name its table took (it kept its own)"),
                fires("unknown-object", pg, "CREATE TABLE o (no int DEFAULT nextval('order_no'));", "DROP TABLE o;",
                        "a default calling nextval of a sequence nothing made"),
                silent("unknown-object", pg, "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, n text);\n"
                        + "SELECT setval('t_id_seq', 10);\nSELECT nextval('public.t_id_seq'::regclass);\n"
                        + "CREATE SEQUENCE order_no START 1000;\nCREATE TABLE o (no int DEFAULT nextval('order_no'::regclass));\n"
                        + "ALTER TABLE users ADD COLUMN seq serial, ALTER COLUMN age SET DEFAULT nextval('users_seq_seq');\n"
                        + "CREATE TABLE \"Items\" (id serial);\nSELECT setval('\"Items_id_seq\"', 10);",
                        "DROP TABLE \"Items\";\nALTER TABLE users ALTER COLUMN age DROP DEFAULT, DROP COLUMN seq;\n"
                        + "DROP TABLE o;\nDROP SEQUENCE order_no;\nDROP TABLE t;",
                        "identity and serial sequences, one made before, one the same statement makes, a quoted name"),
                silent("syntax-error", pg, "CREATE TABLE t (a int NOT NULL DEFAULT NULL, b int NULL, c int NOT NULL"
                        + " CHECK (c IS NOT NULL), d int DEFAULT NULL NOT NULL, e int GENERATED ALWAYS AS IDENTITY NOT NULL,"
                        + " f int GENERATED ALWAYS AS (a + 1) STORED NOT NULL, CHECK (a IS NULL OR b IS NOT NULL));\n"
                        + "ALTER TABLE users ADD COLUMN x int NULL, ADD COLUMN y int NOT NULL DEFAULT 0,"
                        + " ADD COLUMN z int GENERATED BY DEFAULT AS IDENTITY (START WITH 5);",
                        "ALTER TABLE users DROP COLUMN z, DROP COLUMN y, DROP COLUMN x;\nDROP TABLE t;",
                        "a column's clauses PostgreSQL takes together"),
                fires("unknown-object", pg, "ANALYZE VERBOSE users (name), userz;", "SELECT 1;",
                        "analyzing a table nothing made"),
                silent("unknown-object", pg, "ANALYZE;\nANALYZE (VERBOSE, SKIP_LOCKED) users;\nANALYZE pg_catalog.pg_class;\n"
                        + "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;\nANALYZE mv;", "DROP MATERIALIZED VIEW mv;",
                        "the whole database, options, the system's tables, a materialized view"),
                fires("unknown-object", pg, "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;", "SELECT 1;",
                        "validating a constraint the table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX"
                        + " users_email_uq;", "ALTER TABLE users DROP CONSTRAINT users_email_uq;",
                        "a key taking an index nothing made"),
                fires("unknown-object", pg, "CREATE INDEX users_name_idx ON users (name) INCLUDE (emial);",
                        "DROP INDEX users_name_idx;", "an index including a column the table lacks"),
                silent("unknown-object", pg, "CREATE INDEX users_name_idx ON users (name) INCLUDE (email, age);",
                        "DROP INDEX users_name_idx;", "an index including columns the table has"),
                fires("unknown-object", pg, "REINDEX INDEX users_name_idx;", "SELECT 1;", "reindexing an index nothing made"),
                fires("unknown-object", pg, "REINDEX TABLE CONCURRENTLY accounts;", "SELECT 1;",
                        "reindexing a table nothing made"),
                silent("unknown-object", pg, "CREATE INDEX users_name_idx ON users (name);\nREINDEX INDEX users_name_idx;\n"
                        + "REINDEX INDEX users_pkey;\nREINDEX (VERBOSE) TABLE users;\nREINDEX SCHEMA public;",
                        "DROP INDEX users_name_idx;", "reindexing an index, a key's index, a table, a schema"),
                fires("unknown-object", pg, "CREATE TABLE accounts (id int PRIMARY KEY);\nCLUSTER users USING accounts_pkey;",
                        "DROP TABLE accounts;", "clustering a table on another table's index"),
                fires("unknown-object", pg, "CLUSTER accounts USING accounts_pkey;", "SELECT 1;",
                        "clustering a table nothing made"),
                silent("unknown-object", pg, "CREATE INDEX users_name_idx ON users (name);\n"
                        + "CLUSTER VERBOSE users USING users_name_idx;\nCLUSTER users USING users_pkey;\nCLUSTER;",
                        "DROP INDEX users_name_idx;", "clustering on an index of the table, or everything"),
                fires("unknown-object", pg, "TRUNCATE users, accounts;", "SELECT 1;", "truncating a table nothing made"),
                fires("unknown-object", maria, "TRUNCATE TABLE accounts;", "SELECT 1;", "truncating a table nothing made"),
                fires("unknown-object", pg, "REFRESH MATERIALIZED VIEW user_stats;", "SELECT 1;",
                        "refreshing a materialized view nothing made"),
                fires("unknown-object", pg, "COMMENT ON TABLE accounts IS 'x';", "COMMENT ON TABLE accounts IS NULL;",
                        "a comment on a table nothing made"),
                silent("unknown-object", pg, "ALTER TABLE users ADD CHECK (age > 0) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;\n"
                        + "CREATE TABLE orders (id int, user_id int);\n"
                        + "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users NOT VALID;\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;\n"
                        + "CREATE UNIQUE INDEX users_email_uq ON users (email);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_uq;\n"
                        + "CREATE MATERIALIZED VIEW mv AS SELECT id FROM users;\nCREATE UNIQUE INDEX mv_id ON mv (id);\n"
                        + "REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv;\nCOMMENT ON TABLE orders IS 'x';\n"
                        + "TRUNCATE TABLE ONLY orders, users RESTART IDENTITY CASCADE;",
                        "DROP MATERIALIZED VIEW mv;\nALTER TABLE users DROP CONSTRAINT users_email_uq;\nDROP TABLE orders;\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_age_check;",
                        "PostgreSQL's names for unnamed constraints, an index made before, a materialized view"),
                fires("unknown-object", pg, "GRANT SELECT, INSERT ON TABLE users, userz TO PUBLIC;",
                        "REVOKE SELECT, INSERT ON users FROM PUBLIC;", "a grant on a table nothing made"),
                fires("unknown-object", pg, "REVOKE GRANT OPTION FOR SELECT ON accounts FROM PUBLIC;", "SELECT 1;",
                        "a revoke on a table nothing made"),
                silent("unknown-object", pg, "CREATE SEQUENCE s;\nCREATE VIEW v AS SELECT id FROM users;\n"
                        + "GRANT SELECT (name, email) ON users TO PUBLIC;\nGRANT SELECT ON s, v, public.users TO PUBLIC;\n"
                        + "GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;\n"
                        + "GRANT SELECT ON pg_catalog.pg_class, information_schema.tables TO PUBLIC;",
                        "REVOKE ALL ON users FROM PUBLIC;\nDROP VIEW v;\nDROP SEQUENCE s;",
                        "grants on a table, a view, a sequence, a schema's tables, the system's relations"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\n"
                        + "GRANT SELECT ON pg_stat_statements, pg_stat_statements_info TO PUBLIC;",
                        "DROP EXTENSION pg_stat_statements;", "an extension's views"),
                silent("unknown-object", pg, "UPDATE users SET name = st_astext(name) WHERE id > 0;\n"
                        + "INSERT INTO users (id, name) SELECT g, md5(g::text) FROM generate_series(1, 10) g;\n"
                        + "UPDATE users SET email = lower(trim(email)), name = coalesce(nullif(name, ''), 'x'),"
                        + " age = greatest(age, 0) WHERE email ILIKE '%@%' AND date_part('year', now()) > 2000;",
                        "SELECT 1;", "a data statement calling what a platform's extension may bring, or built-ins"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT nowz();",
                        "ALTER TABLE users DROP COLUMN created_at;", "a default calling a misspelt function"),
                fires("unknown-object", pg, "CREATE TABLE t2 (id uuid DEFAULT gen_random_uuidd() PRIMARY KEY);",
                        "DROP TABLE t2;", "a new table's default calling a misspelt function"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT name_len CHECK (char_lenght(name) > 0);",
                        "ALTER TABLE users DROP CONSTRAINT name_len;", "a CHECK calling a misspelt function"),
                fires("unknown-object", pg, "CREATE INDEX users_email_lower ON users (lowerr(email));",
                        "DROP INDEX users_email_lower;", "an index expression calling a misspelt function"),
                fires("unknown-object", pg, "ALTER TABLE users ALTER COLUMN age TYPE bigint USING to_numbr(age::text);",
                        "ALTER TABLE users ALTER COLUMN age TYPE int;", "USING calling a misspelt function"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a text, b text GENERATED ALWAYS AS (uper(a)) STORED);",
                        "DROP TABLE t2;", "a generated column calling a misspelt function"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE SEQUENCE s;\n"
                        + "CREATE TABLE t2 (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, a timestamptz DEFAULT"
                        + " clock_timestamp(), c bigint DEFAULT txid_current(), d int DEFAULT current_setting('app.t',"
                        + " true)::int, f text DEFAULT session_user, g text[] DEFAULT array[]::text[], i text DEFAULT"
                        + " md5(random()::text), j text DEFAULT encode(gen_random_bytes(16), 'hex'), k timestamp DEFAULT"
                        + " (now() AT TIME ZONE 'utc'), m tstzrange DEFAULT tstzrange(now(), now() + interval '1 day'),"
                        + " u bigint DEFAULT (extract(epoch from now()) * 1000)::bigint, w text DEFAULT"
                        + " lpad(nextval('s'::regclass)::text, 8, '0'), x text DEFAULT COALESCE(NULL, 'x'),"
                        + " y timestamp(3) DEFAULT LOCALTIMESTAMP(3), z text CHECK (z ~* '^[a-z]' AND starts_with(z, 'a')"
                        + " AND position('x' IN z) > 0 AND trim(both ' ' from z) <> '' AND z IS NORMALIZED));\n"
                        + "CREATE INDEX t2_z ON t2 USING gin (to_tsvector('english'::regconfig, z)) WHERE"
                        + " char_length(z) > 0;",
                        "DROP TABLE t2;\nDROP SEQUENCE s;\nDROP EXTENSION pgcrypto;",
                        "PostgreSQL's own functions, an extension's, SQL's special forms"),
                silent("unknown-object", pg, "CREATE FUNCTION slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE"
                        + " AS $$ SELECT lower(t) $$;\nALTER TABLE users ADD COLUMN slug text DEFAULT slugify('x');\n"
                        + "CREATE INDEX users_slug ON users (slugify(name));\n"
                        + "ALTER TABLE users ADD COLUMN uid uuid DEFAULT uuid_generate_v4();",
                        "ALTER TABLE users DROP COLUMN uid;\nDROP INDEX users_slug;\nALTER TABLE users DROP COLUMN slug;\n"
                        + "DROP FUNCTION slugify(text);",
                        "a function a migration made; a shipped extension's, which a platform may have created"),
                fires("unknown-object", pg, "CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW;"
                        + " END$$;\nCREATE TRIGGER t1 BEFORE UPDATE OF nam ON users FOR EACH ROW EXECUTE FUNCTION trg();",
                        "DROP TRIGGER t1 ON users;\nDROP FUNCTION trg();", "a trigger's UPDATE OF a column the table lacks"),
                fires("unknown-object", pg, "CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW;"
                        + " END$$;\nCREATE TRIGGER t1 BEFORE UPDATE ON users FOR EACH ROW WHEN (NEW.nam IS DISTINCT FROM"
                        + " OLD.nam) EXECUTE FUNCTION trg();", "DROP TRIGGER t1 ON users;\nDROP FUNCTION trg();",
                        "a trigger's WHEN of a column the table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ALTER COLUMN age TYPE bigint USING agee::bigint;",
                        "ALTER TABLE users ALTER COLUMN age TYPE int;", "USING a column the table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ENABLE ROW LEVEL SECURITY;\n"
                        + "CREATE POLICY own ON users FOR UPDATE USING (id = 1) WITH CHECK (activ);",
                        "DROP POLICY own ON users;\nALTER TABLE users DISABLE ROW LEVEL SECURITY;",
                        "a policy naming a column the table lacks"),
                silent("unknown-object", pg, "ALTER TABLE users ALTER COLUMN age TYPE text USING CASE WHEN age > 0 THEN"
                        + " age::text ELSE NULL END, ALTER COLUMN name TYPE text USING users.name || '';\n"
                        + "CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW;"
                        + " END$$;\nCREATE TRIGGER t1 BEFORE UPDATE OF name, \"email\" ON users FOR EACH ROW WHEN (NEW.* IS"
                        + " DISTINCT FROM OLD.* AND OLD.age IS NOT NULL AND NEW.active) EXECUTE FUNCTION trg();\n"
                        + "CREATE VIEW v AS SELECT id, name FROM users;\n"
                        + "CREATE TRIGGER t2 INSTEAD OF UPDATE ON v FOR EACH ROW EXECUTE FUNCTION trg();\n"
                        + "CREATE SCHEMA auth;\nCREATE FUNCTION auth.uid() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                        + "CREATE POLICY own ON users FOR ALL TO PUBLIC USING (auth.uid() = id) WITH CHECK"
                        + " (auth.uid() = users.id AND active);\n"
                        + "CREATE POLICY tenant ON users USING (current_setting('app.tenant', true) = age);\n"
                        + "CREATE POLICY sub ON users FOR SELECT USING (EXISTS (SELECT 1 FROM users u2 WHERE u2.id = users.id));",
                        "DROP POLICY sub ON users;\nDROP POLICY tenant ON users;\nDROP POLICY own ON users;\n"
                        + "DROP FUNCTION auth.uid();\nDROP SCHEMA auth;\nDROP TRIGGER t2 ON v;\nDROP VIEW v;\n"
                        + "DROP TRIGGER t1 ON users;\nDROP FUNCTION trg();\n"
                        + "ALTER TABLE users ALTER COLUMN name TYPE varchar(100), ALTER COLUMN age TYPE int USING age::int;",
                        "triggers' columns and whole rows, a view's trigger, policies (a subquery's names are not the"
                        + " table's), USING of present columns"),
                fires("unknown-object", pg, "CREATE INDEX users_name_lower ON users (lower(nam));",
                        "DROP INDEX users_name_lower;", "an index expression on a column the table lacks"),
                fires("unknown-object", pg, "CREATE INDEX users_email_on ON users (email) WHERE activ;",
                        "DROP INDEX users_email_on;", "a partial index's WHERE on a column the table lacks"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a int GENERATED ALWAYS AS (c * 2) STORED, b int);",
                        "DROP TABLE t2;", "a generated column of a column the new table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN double_age int GENERATED ALWAYS AS (agee * 2) STORED;",
                        "ALTER TABLE users DROP COLUMN double_age;", "a generated column of a column the table lacks"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN x int CHECK (x > 0 AND agee > 0);",
                        "ALTER TABLE users DROP COLUMN x;", "an added column's CHECK on a column the table lacks"),
                silent("unknown-object", pg, "CREATE INDEX users_search ON users USING gin (to_tsvector('english',"
                        + " coalesce(name, '') || ' ' || email)) WHERE active AND age > 18;\n"
                        + "CREATE UNIQUE INDEX users_lower_email ON users (lower(email), (users.age + 1)) WHERE NOT active;\n"
                        + "CREATE TABLE t2 (a int GENERATED ALWAYS AS (b * 2) STORED, b int, c int GENERATED ALWAYS AS IDENTITY);\n"
                        + "ALTER TABLE users ADD COLUMN y int, ADD COLUMN x int GENERATED ALWAYS AS (y * 2) STORED;\n"
                        + "CREATE MATERIALIZED VIEW mv AS SELECT id, age FROM users;\nCREATE INDEX mv_age ON mv ((age * 2));",
                        "DROP MATERIALIZED VIEW mv;\nALTER TABLE users DROP COLUMN x, DROP COLUMN y;\nDROP TABLE t2;\n"
                        + "DROP INDEX users_lower_email;\nDROP INDEX users_search;",
                        "expressions of present columns, a column declared after its use or added before it, a matview"),
                silent("unknown-object", pg, "CREATE TABLE t2 (CHECK (later > 0), later int, x numeric CHECK (x::int >= 0),"
                        + " d date CHECK (EXTRACT(YEAR FROM d) > 2000 AND d > DATE '2000-01-01'), z text COLLATE \"C\""
                        + " CHECK (z SIMILAR TO 'x%' AND CAST(z AS varchar(5)) <> '' AND z IS DISTINCT FROM 'y'));\n"
                        + "ALTER TABLE users ADD CONSTRAINT score_ok CHECK (users.score >= 0), ADD COLUMN score int;",
                        "ALTER TABLE users DROP COLUMN score;\nDROP TABLE t2;",
                        "functions, types and keywords are no columns; a column declared after its CHECK or added by the"
                        + " statement"),
                silent("unknown-object", pg, "CREATE MATERIALIZED VIEW user_names AS SELECT id, name FROM users WITH NO DATA;\n"
                        + "ALTER TABLE user_names OWNER TO CURRENT_USER;", "DROP MATERIALIZED VIEW user_names;",
                        "pg_dump sets a materialized view's owner with ALTER TABLE"),
                fires("unknown-object", pg, "CREATE VIEW v AS SELECT id, nick FROM users;", "DROP VIEW v;",
                        "a view's column the table lacks"),
                fires("unknown-object", maria, "CREATE VIEW v AS SELECT id FROM user_rows;", "DROP VIEW v;",
                        "a view's table that does not exist (error 1146)"),
                silent("unknown-object", lite, "CREATE VIEW v AS SELECT id, nick FROM users;", "DROP VIEW v;",
                        "SQLite makes the view and fails only when it is read"),
                fires("ambiguous-column", pg, "CREATE MATERIALIZED VIEW v AS SELECT id FROM users, users u2 WITH NO DATA;",
                        "DROP MATERIALIZED VIEW v;", "a view's ambiguous column"),
                silent("unknown-object", pg, "CREATE VIEW v AS SELECT row_to_json(u) AS j, to_jsonb(users) AS k"
                        + " FROM users JOIN users u ON u.id = users.id;", "DROP VIEW v;", "a table's whole row"),
                silent("unknown-object", pg, "CREATE VIEW v AS SELECT id FROM ONLY users WITH LOCAL CHECK OPTION;\n"
                        + "UPDATE ONLY users SET age = 1 WHERE id = 1;\nDELETE FROM ONLY users WHERE id = 2;",
                        "DROP VIEW v;", "ONLY before a table"),
                silent("unknown-object", pg, "CREATE RECURSIVE VIEW chain (n) AS SELECT 1 UNION ALL"
                        + " SELECT n + 1 FROM chain WHERE n < 3;", "DROP VIEW chain;", "a recursive view names itself"),
                fires("unknown-object", pg, "CREATE TABLE t2 (LIKE user_rows INCLUDING ALL);", "DROP TABLE t2;",
                        "LIKE of no table"),
                silent("unknown-object", pg, "CREATE TYPE address AS (street text);\nCREATE TABLE t2 (LIKE address);",
                        "DROP TABLE t2;\nDROP TYPE address;", "LIKE of a composite type"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a int) INHERITS (user_rows);", "DROP TABLE t2;",
                        "INHERITS of no table"),
                fires("unknown-object", pg, "CREATE TABLE t2 PARTITION OF user_rows FOR VALUES IN (1);",
                        "DROP TABLE t2;", "PARTITION OF no table"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a int, at date) PARTITION BY RANGE (at, b);",
                        "DROP TABLE t2;", "a partition key on a column the table lacks"),
                silent("unknown-object", pg, "CREATE TABLE t2 (a text) PARTITION BY LIST (lower(a));\n"
                        + "CREATE TABLE t3 (a text) PARTITION BY LIST (a COLLATE \"C\");", "DROP TABLE t3;\nDROP TABLE t2;",
                        "a partition key on an expression or with a collation"),
                fires("unknown-object", pg, "CREATE TABLE t2 (a int, PRIMARY KEY (b));", "DROP TABLE t2;",
                        "a key on a column the table lacks"),
                silent("unknown-object", pg, "CREATE TABLE t2 (PRIMARY KEY (a), a int);", "DROP TABLE t2;",
                        "a key may come before its column"),
                fires("unknown-object", maria, "ALTER TABLE users ADD COLUMN nick varchar(20) AFTER nmae;",
                        "ALTER TABLE users DROP COLUMN nick;", "AFTER a column the table lacks"),
                silent("unknown-object", maria, "ALTER TABLE users ADD COLUMN a1 int FIRST, ADD COLUMN a2 int AFTER a1,"
                        + " MODIFY age bigint AFTER a2;", "ALTER TABLE users DROP COLUMN a1, DROP COLUMN a2,"
                        + " MODIFY age int;", "AFTER a column the statement added"),
                fires("unknown-object", maria, "CREATE TABLE t2 (a int, KEY t2_b (b));", "DROP TABLE t2;",
                        "error 1072"),
                silent("unknown-object", maria, "CREATE TABLE t2 (x int, UNIQUE (id)) SELECT id FROM users;",
                        "DROP TABLE t2;", "the query brings the column"),
                fires("unknown-object", lite, "CREATE TABLE t2 (a int, UNIQUE (b));", "DROP TABLE t2;",
                        "no such column"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_nick_key UNIQUE (nick);",
                        "ALTER TABLE users DROP CONSTRAINT users_nick_key;", "ALTER TABLE's key on a missing column"),
                silent("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_nick_key UNIQUE (nick),"
                        + " ADD COLUMN nick text;", "ALTER TABLE users DROP COLUMN nick;",
                        "PostgreSQL adds the column first"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_age_fk FOREIGN KEY (age)"
                        + " REFERENCES users (age);", "ALTER TABLE users DROP CONSTRAINT users_age_fk;",
                        "a foreign key to the table's own column that is no key"),
                silent("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_age_fk FOREIGN KEY (age)"
                        + " REFERENCES users (age), ADD CONSTRAINT users_age_key UNIQUE (age);",
                        "ALTER TABLE users DROP CONSTRAINT users_age_fk, DROP CONSTRAINT users_age_key;",
                        "PostgreSQL adds keys before foreign keys"),
                silent("unknown-object", pg, "ALTER TABLE users ADD COLUMN boss int UNIQUE REFERENCES users (boss);",
                        "ALTER TABLE users DROP COLUMN boss;", "the new column's own key"),
                silent("rollback-not-inverse", pg, "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM users;\n"
                        + "CREATE UNIQUE INDEX mv_id ON mv (id);\nCOMMENT ON MATERIALIZED VIEW mv IS 'names';\n"
                        + "ALTER MATERIALIZED VIEW mv RENAME TO user_names;", "DROP MATERIALIZED VIEW user_names;",
                        "its indexes and comment follow a renamed materialized view"),
                fires("rollback-not-inverse", pg, "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM users;\n"
                        + "ALTER MATERIALIZED VIEW mv RENAME TO user_names;\nCREATE UNIQUE INDEX mv_id ON user_names (id);",
                        "DROP INDEX mv_id;", "the renamed view is left"),
                silent("unknown-object", pg, "CREATE SCHEMA archive;\nCREATE VIEW v AS SELECT id FROM users;\n"
                        + "ALTER VIEW v SET SCHEMA archive;\nCREATE SEQUENCE s;\nALTER SEQUENCE s SET SCHEMA archive;",
                        "DROP SEQUENCE archive.s;\nDROP VIEW archive.v;\nDROP SCHEMA archive;",
                        "a view and a sequence moved to another schema"),
                fires("unknown-object", pg, "CREATE SCHEMA archive;\nCREATE VIEW v AS SELECT id FROM users;\n"
                        + "ALTER VIEW v SET SCHEMA archive;", "DROP VIEW v;\nDROP SCHEMA archive;",
                        "the view is no longer in public"),
                silent("rollback-not-inverse", pg, "CREATE MATERIALIZED VIEW a AS SELECT id FROM users;\n"
                        + "CREATE MATERIALIZED VIEW b AS SELECT id FROM a;\nCREATE UNIQUE INDEX b_id ON b (id);",
                        "DROP MATERIALIZED VIEW a CASCADE;", "a dependent view's indexes go with CASCADE"),
                silent("rollback-not-inverse", pg, "CREATE TYPE mood AS ENUM ('ok', 'sad');\n"
                        + "ALTER TABLE users ADD COLUMN feeling mood;\nCREATE VIEW user_moods AS SELECT id, feeling FROM users;",
                        "DROP TYPE mood CASCADE;", "DROP TYPE CASCADE takes its columns and their views"),
                silent("duplicate-object", pg, "ALTER TABLE users ADD COLUMN n serial;\nALTER TABLE users DROP COLUMN n;\n"
                        + "CREATE SEQUENCE users_n_seq;", "DROP SEQUENCE users_n_seq;", "an owned sequence goes with its column"),
                silent("unknown-object", pg, "CREATE SCHEMA billing;\nCREATE DOMAIN billing.amount AS numeric(12,2);\n"
                        + "ALTER TABLE users ADD COLUMN paid billing.amount;", "ALTER TABLE users DROP COLUMN paid;\n"
                        + "DROP DOMAIN billing.amount;\nDROP SCHEMA billing;", "a type of another schema is no unknown type"),
                silent("duplicate-object", pg, "CREATE SCHEMA billing;\nCREATE DOMAIN billing.amount AS numeric(12,2);\n"
                        + "ALTER TABLE users ADD COLUMN paid billing.amount;\nDROP DOMAIN billing.amount CASCADE;\n"
                        + "ALTER TABLE users ADD COLUMN paid numeric(12,2);", "ALTER TABLE users DROP COLUMN paid;\n"
                        + "DROP SCHEMA billing;", "DROP DOMAIN CASCADE takes a column of its schema-qualified type"),
                fires("duplicate-object", pg, "ALTER TABLE users ADD PRIMARY KEY (email);", "SELECT 1;",
                        "a second primary key"),
                fires("duplicate-object", maria, "ALTER TABLE users ADD PRIMARY KEY (email);", "SELECT 1;",
                        "a second primary key on MariaDB"),
                silent("duplicate-object", pg, "ALTER TABLE users DROP CONSTRAINT users_pkey, ADD PRIMARY KEY (id, email);",
                        "SELECT 1;", "the old key dropped first"),
                fires("duplicate-object", pg, "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age > 0);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age < 200);", "SELECT 1;",
                        "a constraint name the table uses"),
                silent("duplicate-object", pg, "CREATE TABLE orders (id int PRIMARY KEY, CONSTRAINT users_age_check CHECK (id > 0));\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age > 0);", "DROP TABLE orders;",
                        "constraint names belong to their table"),
                fires("duplicate-object", pg, "CREATE TABLE orders (id int, total int, id bigint);", "DROP TABLE orders;",
                        "a column twice in CREATE TABLE"),
                fires("unknown-object", pg, "COMMENT ON COLUMN users.nickname IS 'shown to others';", "SELECT 1;",
                        "a comment on a column the table does not have"),
                silent("unknown-object", pg, "COMMENT ON COLUMN public.users.email IS 'login';\n"
                        + "CREATE VIEW v AS SELECT id AS ident FROM users;\nCOMMENT ON COLUMN v.ident IS 'id';",
                        "DROP VIEW v;", "columns of a table and of a view"),
                silent("duplicate-object", pg, "CREATE TABLE \"Users\" (\"Id\" int PRIMARY KEY, id int);\n"
                        + "CREATE INDEX \"Users_id_idx\" ON \"Users\" (id);\nCREATE INDEX users_id_idx ON users (id);",
                        "DROP TABLE \"Users\";", "PostgreSQL keeps quoted names' case: \"Users\" is not users"),
                fires("duplicate-object", pg, "CREATE TABLE \"Accounts\" (id int);\nCREATE TABLE \"Accounts\" (id int);",
                        "DROP TABLE \"Accounts\";", "one quoted name twice"),
                fires("duplicate-object", maria, "ALTER TABLE users ADD UNIQUE KEY uk_email (email);\n"
                        + "ALTER TABLE users ADD INDEX uk_email (name);", "SELECT 1;", "keys and indexes share names"),
                fires("duplicate-object", maria, "CREATE TABLE orders (id int PRIMARY KEY);\nRENAME TABLE orders TO users;",
                        "DROP TABLE orders;", "RENAME TABLE onto a table"),
                fires("unknown-object", maria, "ALTER TABLE users RENAME INDEX users_nope TO users_nope2;", "SELECT 1;",
                        "RENAME INDEX of no index"),
                silent("unknown-object", maria, "CREATE VIEW v AS SELECT id FROM users;\nRENAME TABLE v TO w;\nDROP VIEW w;",
                        "SELECT 1;", "RENAME TABLE renames a view"),
                fires("duplicate-object", lite, "CREATE TABLE t2 (a integer PRIMARY KEY, b integer PRIMARY KEY);",
                        "DROP TABLE t2;", "two primary keys in one CREATE TABLE"),
                fires("unknown-object", lite, "CREATE VIEW v AS SELECT id FROM users;\nALTER TABLE v ADD COLUMN q integer;",
                        "DROP VIEW v;", "SQLite's ALTER TABLE changes tables only"),
                silent("unknown-object", pg, "CREATE VIEW v AS SELECT id FROM users;\nALTER TABLE v RENAME TO w;",
                        "DROP VIEW w;", "PostgreSQL's ALTER TABLE renames a view"),
                silent("syntax-error", pg, "INSERT INTO users (id, name) VALUES (1, lower('A')), (2, coalesce(NULL, 'b'))"
                        + " ON CONFLICT (id) DO NOTHING;\nINSERT INTO users (id) SELECT x FROM (VALUES (1), (2)) v (x);",
                        "SELECT 1;", "commas inside calls and a VALUES in a subquery"),
                silent("syntax-error", pg, "ALTER TABLE users ADD COLUMN tags text[];\n"
                        + "INSERT INTO users (id, tags) VALUES (1, ARRAY['a', 'b']), (2, ARRAY[lower('C'), 'd']);",
                        "DELETE FROM users;", "the commas of an ARRAY[...] separate no values"),
                silent("syntax-error", maria, "INSERT INTO users PARTITION (p0) VALUES (1, 'a', 'b', 2, true);\n"
                        + "INSERT INTO users VALUES ();", "SELECT 1;", "a partition list and MySQL's empty row"),
                // a foreign key needs a key on the other side (each case checked on PostgreSQL 15)
                fires("unknown-object", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_email text REFERENCES users (email));",
                        "DROP TABLE orders;", "a foreign key onto a column with no unique constraint"),
                fires("unknown-object", pg, "CREATE TABLE logs (id int);\nCREATE TABLE entries (log_id int REFERENCES logs);",
                        "DROP TABLE entries;\nDROP TABLE logs;", "REFERENCES a table without a primary key"),
                silent("unknown-object", pg, "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE (email);\n"
                        + "CREATE TABLE orders (id int PRIMARY KEY, user_email text REFERENCES users (email));",
                        "DROP TABLE orders;\nALTER TABLE users DROP CONSTRAINT users_email_uq;", "a unique constraint"),
                silent("unknown-object", pg, "CREATE UNIQUE INDEX users_name_email_idx ON users (name, email);\n"
                        + "CREATE TABLE orders (id int, n varchar(100), e text, FOREIGN KEY (e, n) REFERENCES users (email, name));",
                        "DROP TABLE orders;\nDROP INDEX users_name_email_idx;", "a unique index, columns in another order"),
                silent("unknown-object", pg, "CREATE TABLE tree (id int, parent int REFERENCES tree (id), PRIMARY KEY (id));",
                        "DROP TABLE tree;", "a table's own key, declared after the reference"),
                // dependent-objects: what PostgreSQL refuses to drop for a foreign key (checked on the server)
                fires("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);\n"
                        + "DROP TABLE users;", "DROP TABLE orders;", "a table another table's key points at"),
                silent("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);\n"
                        + "DROP TABLE users, orders;", "SELECT 1;", "both dropped in one statement"),
                silent("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);\n"
                        + "DROP TABLE users CASCADE;", "DROP TABLE orders;", "CASCADE takes the key"),
                fires("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                        + "ALTER TABLE users DROP COLUMN id;", "DROP TABLE orders;", "a referenced column"),
                fires("dependent-objects", pg, "ALTER TABLE users ALTER COLUMN id DROP NOT NULL;",
                        "ALTER TABLE users ALTER COLUMN id SET NOT NULL;", "a column of the primary key"),
                silent("dependent-objects", pg, "ALTER TABLE users ALTER COLUMN age SET NOT NULL;\n"
                        + "ALTER TABLE users ALTER COLUMN age DROP NOT NULL;", "SELECT 1;", "a column of no key"),
                // type changes without USING (each checked on PostgreSQL 15; TypeChangeAgreementTest has every pair)
                fires("type-change-without-using", pg, "ALTER TABLE users ALTER COLUMN email TYPE uuid;",
                        "ALTER TABLE users ALTER COLUMN email TYPE text;", "text has no cast to uuid of its own"),
                silent("type-change-without-using", pg, "ALTER TABLE users ALTER COLUMN email TYPE uuid USING email::uuid;",
                        "ALTER TABLE users ALTER COLUMN email TYPE text;", "USING says how"),
                silent("type-change-without-using", pg, "ALTER TABLE users ALTER COLUMN age TYPE numeric(12, 2);\n"
                        + "ALTER TABLE users ALTER COLUMN age TYPE varchar(20);", "SELECT 1;", "number to number, anything to text"),
                silent("type-change-without-using", maria, "ALTER TABLE users MODIFY email int;",
                        "ALTER TABLE users MODIFY email varchar(255);", "MySQL converts the rows"),
                // foreign keys between types (each checked on PostgreSQL 15; ColumnTypeAgreementTest has every pair)
                fires("foreign-key-type-mismatch", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id text,"
                        + " FOREIGN KEY (user_id) REFERENCES users);", "DROP TABLE orders;", "text onto the integer key"),
                silent("foreign-key-type-mismatch", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id bigint REFERENCES users,"
                        + " parent smallint REFERENCES orders (id));", "DROP TABLE orders;", "integers onto an integer key"),
                silent("foreign-key-type-mismatch", pg, "CREATE TABLE tags (name varchar(40) PRIMARY KEY);\n"
                        + "ALTER TABLE users ADD COLUMN tag text REFERENCES tags;", "ALTER TABLE users DROP COLUMN tag;\nDROP TABLE tags;",
                        "a string onto a string key"),
                fires("foreign-key-type-mismatch", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id bigint,"
                        + " FOREIGN KEY (user_id) REFERENCES users (id));", "DROP TABLE orders;", "bigint onto int (MariaDB 10.11)"),
                fires("foreign-key-type-mismatch", maria, "ALTER TABLE users ADD COLUMN boss int unsigned REFERENCES users (id);",
                        "ALTER TABLE users DROP COLUMN boss;", "another sign, inline: MariaDB makes the key"),
                silent("foreign-key-type-mismatch", my, "CREATE TABLE orders (id int PRIMARY KEY, user_id bigint REFERENCES users (id));",
                        "DROP TABLE orders;", "MySQL 8 ignores an inline REFERENCES"),
                silent("foreign-key-type-mismatch", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id integer,"
                        + " code char(8), FOREIGN KEY (user_id) REFERENCES users (id));", "DROP TABLE orders;", "int and integer"),
                // MariaDB 10.11 refuses to drop a column a foreign key needs (each case checked on the server)
                fires("dependent-objects", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id int,"
                        + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "ALTER TABLE orders DROP COLUMN user_id;", "DROP TABLE orders;", "the table's own key on it"),
                fires("dependent-objects", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id int,"
                        + " FOREIGN KEY (user_id) REFERENCES users (id));\nALTER TABLE users DROP COLUMN id;",
                        "DROP TABLE orders;", "another table's key onto it"),
                silent("dependent-objects", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id int,"
                        + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "ALTER TABLE orders DROP COLUMN user_id, DROP FOREIGN KEY orders_user_fk;", "DROP TABLE orders;",
                        "the key dropped in the same statement, after the column"),
                silent("unknown-object", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id int,"
                        + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "ALTER TABLE orders DROP COLUMN user_id, DROP FOREIGN KEY orders_user_fk;", "DROP TABLE orders;",
                        "MariaDB judges the statement as a whole"),
                // operator classes and constraint indexes (each case checked on PostgreSQL 15)
                fires("unknown-object", pg, "CREATE INDEX users_name_gin ON users USING gin (name);",
                        "DROP INDEX users_name_gin;", "gin on varchar: no default operator class"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN doc json;\nCREATE INDEX users_doc_idx ON users (doc);",
                        "DROP INDEX users_doc_idx;\nALTER TABLE users DROP COLUMN doc;", "a btree on json"),
                silent("unknown-object", pg, "ALTER TABLE users ADD COLUMN tags text[];\n"
                        + "CREATE INDEX users_tags_gin ON users USING gin (tags DESC);\n"
                        + "CREATE INDEX users_name_lower ON users USING gin (lower(name) gin_trgm_ops);",
                        "SELECT 1;", "an array under gin; an expression with its operator class"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS btree_gin;\n"
                        + "CREATE INDEX users_age_gin ON users USING gin (age);", "DROP INDEX users_age_gin;",
                        "an extension may bring the operator class"),
                fires("dependent-objects", pg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n"
                        + "DROP INDEX users_email_key;", "SELECT 1;", "the index of a unique constraint"),
                silent("dependent-objects", pg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n"
                        + "DROP INDEX users_email_key CASCADE;\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                        "ALTER TABLE users DROP CONSTRAINT users_email_key;", "CASCADE drops the constraint with it"),
                // a DEFAULT the column's type cannot read (each case checked on PostgreSQL 15 and MariaDB 10.11)
                fires("dml-type-mismatch", maria, "ALTER TABLE users ADD COLUMN status ENUM('a','b') DEFAULT 'c';",
                        "ALTER TABLE users DROP COLUMN status;", "an ENUM's DEFAULT not among its labels (error 1067)"),
                fires("dml-type-mismatch", maria, "ALTER TABLE users ADD COLUMN status ENUM('active','inactive');\n"
                        + "INSERT INTO users (id, status) VALUES (1, 'deleted');", "ALTER TABLE users DROP COLUMN status;",
                        "a label an ENUM lacks, inserted (error 1265 in strict mode)"),
                silent("dml-type-mismatch", maria, "ALTER TABLE users ADD COLUMN status ENUM('active','inactive', 'it''s')"
                        + " NOT NULL DEFAULT 'ACTIVE ';\nINSERT INTO users (id, status) VALUES (1, 'it''s');",
                        "ALTER TABLE users DROP COLUMN status;", "labels compared by the collation, trailing spaces dropped"),
                fires("dml-type-mismatch", pg, "CREATE TYPE mood AS ENUM ('happy', 'sad');\n"
                        + "ALTER TABLE users ADD COLUMN m mood DEFAULT 'angry';", "ALTER TABLE users DROP COLUMN m;\nDROP TYPE mood;",
                        "a PostgreSQL enum's DEFAULT not among its labels"),
                fires("dml-type-mismatch", pg, "CREATE TYPE mood AS ENUM ('happy', 'sad');\n"
                        + "ALTER TABLE users ADD COLUMN m mood;\nUPDATE users SET m = 'Sad' WHERE id = 1;",
                        "ALTER TABLE users DROP COLUMN m;\nDROP TYPE mood;", "enum labels keep their case"),
                silent("dml-type-mismatch", pg, "CREATE TYPE \"Role\" AS ENUM ('ADMIN', 'USER');\nALTER TYPE \"Role\" ADD VALUE 'GUEST';\n"
                        + "CREATE TABLE acc (id int, role \"Role\" NOT NULL DEFAULT 'GUEST', was \"Role\" DEFAULT 'USER'::\"Role\");\n"
                        + "INSERT INTO acc (id, role) VALUES (1, 'ADMIN');", "DROP TABLE acc;\nDROP TYPE \"Role\";",
                        "a label added since, a quoted type, a cast"),
                fires("dml-type-mismatch", pg, "ALTER TABLE users ADD COLUMN visits int NOT NULL DEFAULT '';",
                        "ALTER TABLE users DROP COLUMN visits;", "an empty string for an integer"),
                fires("dml-type-mismatch", pg, "ALTER TABLE users ALTER COLUMN active SET DEFAULT 'maybe';",
                        "ALTER TABLE users ALTER COLUMN active DROP DEFAULT;", "SET DEFAULT on a boolean"),
                fires("dml-type-mismatch", maria, "CREATE TABLE t (id int, active tinyint(1) NOT NULL DEFAULT 'true');",
                        "DROP TABLE t;", "MariaDB: 'Invalid default value'"),
                silent("dml-type-mismatch", pg, "CREATE TABLE t (n int DEFAULT '0', f boolean DEFAULT 'yes', p numeric(8,2)"
                        + " DEFAULT '1.50', s text DEFAULT '', c int DEFAULT '1'::int, d int DEFAULT length('ab'),"
                        + " a int[] DEFAULT '{1,2}');\nINSERT INTO t (a) VALUES ('{3}');",
                        "DROP TABLE t;", "values the types read, expressions, arrays"),
                silent("dml-type-mismatch", maria, "CREATE TABLE t (n int DEFAULT '1.5', s varchar(9) DEFAULT '');",
                        "DROP TABLE t;", "MariaDB rounds '1.5' into an integer"),
                // a new enum value used in the transaction that added it (each checked on PostgreSQL 15)
                fires("new-enum-value-in-transaction", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "ALTER TYPE mood ADD VALUE 'sad';\nINSERT INTO users (id, m) VALUES (1, 'ok'), (2, 'sad');",
                        "SELECT 1;", "written by INSERT"),
                fires("new-enum-value-in-transaction", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';\nALTER TABLE users ALTER COLUMN m SET DEFAULT 'sad';",
                        "SELECT 1;", "a default, the value new to a type the replay knows"),
                fires("new-enum-value-in-transaction", pg, "CREATE TYPE mood AS ENUM ('ok');\n"
                        + "ALTER TYPE mood ADD VALUE 'sad' BEFORE 'ok';\nSELECT count(*) FROM users WHERE 'sad'::mood > 'ok';",
                        "SELECT 1;", "a cast"),
                silent("new-enum-value-in-transaction", pg, "-- drydock:no-transaction\nCREATE TYPE mood AS ENUM ('ok');\n"
                        + "ALTER TABLE users ADD COLUMN m mood;\nALTER TYPE mood ADD VALUE 'sad';\nUPDATE users SET m = 'sad';",
                        "SELECT 1;", "no transaction: each statement commits"),
                silent("new-enum-value-in-transaction", pg, "CREATE TYPE mood AS ENUM ('ok', 'sad');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';\nUPDATE users SET m = 'sad';",
                        "SELECT 1;", "IF NOT EXISTS of a value the type has"),
                silent("new-enum-value-in-transaction", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "ALTER TYPE mood ADD VALUE 'sad';\nUPDATE users SET m = 'ok' WHERE m::text = 'sad';",
                        "SELECT 1;", "compared as text"),
                // partitions and inheritance children (each case checked on PostgreSQL 15)
                fires("dependent-objects", pg, "CREATE TABLE p (id int);\nCREATE TABLE c () INHERITS (p);\nDROP TABLE p;",
                        "DROP TABLE c;", "an inheritance parent with a child"),
                silent("dependent-objects", pg, "CREATE TABLE p (id int);\nCREATE TABLE c () INHERITS (p);\nDROP TABLE p, c;",
                        "SELECT 1;", "the child dropped in the same statement"),
                silent("rollback-not-inverse", pg, "CREATE TABLE e (id int, at date) PARTITION BY RANGE (at);\n"
                        + "CREATE TABLE e_2021 PARTITION OF e FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');",
                        "DROP TABLE e;", "dropping a partitioned table drops its partitions"),
                silent("syntax-error", pg, "SET check_function_bodies = false;\n"
                        + "CREATE FUNCTION a() RETURNS int LANGUAGE sql AS $$ SELEC 1 $$;\n"
                        + "CREATE FUNCTION b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW END $$;",
                        "DROP FUNCTION b();\nDROP FUNCTION a();", "with check_function_bodies off (pg_dump's scripts)"
                                + " PostgreSQL creates a function without reading its body"),
                silent("syntax-error", pg, "CREATE FUNCTION d() RETURNS int LANGUAGE sql RETURN 1;\n"
                        + "CREATE FUNCTION e() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
                        + "CREATE FUNCTION f() RETURNS TABLE (a int) LANGUAGE plpgsql AS $$\n"
                        + "DECLARE c CURSOR FOR SELECT 1;\nBEGIN a := 1; RETURN NEXT; END $$;\n"
                        + "DO LANGUAGE plpgsql $$ BEGIN PERFORM 1; END $$;",
                        "DROP FUNCTION f();\nDROP FUNCTION e();\nDROP FUNCTION d();",
                        "function bodies PostgreSQL accepts: no string body, and what a compiler without a catalog gets wrong"),
                silent("rollback-not-inverse", pg, "CREATE VIEW v AS SELECT id FROM users;\n"
                        + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                        + "CREATE TRIGGER t INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();\n"
                        + "COMMENT ON TRIGGER t ON v IS 'x';", "DROP VIEW v;\nDROP FUNCTION f();",
                        "a view's triggers go with it"),
                silent("rollback-not-inverse", pg, "CREATE TABLE p (id int);\nCREATE TABLE c () INHERITS (p);",
                        "DROP TABLE p CASCADE;", "CASCADE drops an inheritance parent's children"),
                fires("rollback-not-inverse", pg, "CREATE TABLE e (id int, at date) PARTITION BY RANGE (at);\n"
                        + "CREATE TABLE e_2021 (id int, at date);\n"
                        + "ALTER TABLE e ATTACH PARTITION e_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');",
                        "ALTER TABLE e DETACH PARTITION e_2021;\nDROP TABLE e;", "a detached partition stays behind"),
                silent("unknown-object", pg, "CREATE TABLE e (id int, at date) PARTITION BY RANGE (at);\n"
                        + "CREATE TABLE e_2021 PARTITION OF e FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');\n"
                        + "ALTER TABLE e ADD COLUMN src text;\nALTER TABLE e RENAME COLUMN at TO day;\n"
                        + "ALTER TABLE e_2021 ALTER COLUMN src SET DEFAULT 'x';\nUPDATE e_2021 SET day = day;",
                        "DROP TABLE e;", "a column added to or renamed on the parent is so on its partitions"),
                // views: each case checked on PostgreSQL 15
                fires("dependent-objects", pg, "CREATE VIEW v AS SELECT u.id FROM users u WHERE u.active;\n"
                        + "ALTER TABLE users DROP COLUMN active;", "DROP VIEW v;", "a column a view names"),
                fires("dependent-objects", pg, "CREATE MATERIALIZED VIEW mv AS SELECT id, age FROM users;\n"
                        + "ALTER TABLE users ALTER COLUMN age TYPE bigint;", "DROP MATERIALIZED VIEW mv;",
                        "a new type for a column a materialized view names"),
                fires("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int, total int);\n"
                        + "CREATE VIEW v AS SELECT o.id, u.name FROM orders o JOIN users u ON u.id = o.user_id;\n"
                        + "ALTER TABLE users ALTER COLUMN name TYPE text;", "DROP VIEW v;\nDROP TABLE orders;",
                        "a column a join view names through its alias"),
                fires("dependent-objects", pg, "CREATE VIEW v AS SELECT u.id, u.email FROM users u\n"
                        + "UNION ALL SELECT u.id, u.email FROM users u;\nALTER TABLE users DROP COLUMN email;",
                        "DROP VIEW v;", "an alias given twice to the same table"),
                silent("dependent-objects", pg, "CREATE VIEW v AS SELECT s.age FROM (SELECT id, 1 AS age FROM users) s\n"
                        + "JOIN users u ON u.id = s.id;\nALTER TABLE users ALTER COLUMN age TYPE bigint;", "DROP VIEW v;",
                        "a subquery's alias is no table"),
                silent("dependent-objects", pg, "CREATE TABLE orders (id int, age int);\n"
                        + "CREATE VIEW v AS SELECT x.id FROM users x UNION ALL SELECT x.age FROM orders x;\n"
                        + "ALTER TABLE users ALTER COLUMN age TYPE bigint;", "DROP VIEW v;\nDROP TABLE orders;",
                        "one alias for two tables proves nothing"),
                silent("dependent-objects", pg, "CREATE VIEW v AS SELECT id, lower(name) AS email FROM users;\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE varchar(300);", "DROP VIEW v;", "an alias is no column"),
                silent("dependent-objects", pg, "CREATE VIEW v AS SELECT id, age(now()) AS a FROM users;\n"
                        + "ALTER TABLE users ALTER COLUMN age TYPE bigint;", "DROP VIEW v;", "a function of the same name"),
                silent("dependent-objects", pg, "CREATE VIEW v AS SELECT * FROM users;\nALTER TABLE users ADD COLUMN score int;\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE bigint;", "DROP VIEW v;",
                        "* took the columns there were when the view was made"),
                fires("dependent-objects", pg, "CREATE VIEW v AS SELECT * FROM users u WHERE u.id > 0;\n"
                        + "ALTER TABLE users ALTER COLUMN age TYPE bigint;", "DROP VIEW v;",
                        "* stands for the columns there were when the view was made"),
                fires("dependent-objects", pg, "CREATE MATERIALIZED VIEW v AS SELECT * FROM users;\n"
                        + "ALTER MATERIALIZED VIEW v RENAME TO w;\nALTER TABLE users DROP COLUMN email;", "DROP MATERIALIZED VIEW w;",
                        "a renamed view still stands on the columns of its *"),
                silent("dependent-objects", pg, "CREATE TABLE orders (id int, age int);\n"
                        + "CREATE VIEW v AS SELECT * FROM orders, users u;\nALTER TABLE orders DROP COLUMN age;",
                        "DROP VIEW v;\nDROP TABLE orders;", "no * is expanded over two relations"),
                fires("dependent-objects", maria, "CREATE TABLE audit (id int PRIMARY KEY, user_id int, KEY audit_user (user_id),\n"
                        + "  CONSTRAINT audit_user FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "ALTER TABLE audit DROP INDEX audit_user;", "DROP TABLE audit;",
                        "InnoDB refuses to drop the index a foreign key rests on"),
                fires("dependent-objects", my, "CREATE TABLE audit (id int PRIMARY KEY, user_id int, UNIQUE KEY uq (user_id),\n"
                        + "  FOREIGN KEY (user_id) REFERENCES users (id));\nDROP INDEX uq ON audit;", "DROP TABLE audit;",
                        "a unique key is the index a foreign key rests on"),
                silent("dependent-objects", maria, "CREATE TABLE audit (id int PRIMARY KEY, user_id int, KEY audit_user (user_id),\n"
                        + "  KEY audit_user_id (user_id, id), CONSTRAINT audit_user FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "ALTER TABLE audit DROP INDEX audit_user;\n"
                        + "ALTER TABLE audit DROP FOREIGN KEY audit_user, DROP INDEX audit_user_id;", "DROP TABLE audit;",
                        "another index begins with the key's columns, or the statement drops the key"),
                fires("unknown-object", maria, "CREATE TABLE audit (id int PRIMARY KEY, user_id int,\n"
                        + "  FOREIGN KEY (user_id) REFERENCES users (id));\nCREATE INDEX audit_user_id_id ON audit (user_id, id);\n"
                        + "ALTER TABLE audit ADD INDEX (user_id);\nDROP INDEX user_id_2 ON audit;", "DROP TABLE audit;",
                        "InnoDB drops the index it made for a key once another serves it, so the name is free again"),
                silent("unknown-object", maria, "CREATE TABLE t (id int PRIMARY KEY, email varchar(50), a int);\n"
                        + "ALTER TABLE t ADD UNIQUE (email), ADD INDEX (a);\nALTER TABLE t ADD UNIQUE (email), ADD INDEX (a, email);\n"
                        + "ALTER TABLE t DROP INDEX email_2, DROP INDEX a_2;", "DROP TABLE t;",
                        "MySQL numbers an unnamed index whose column's name is taken"),
                fires("dependent-objects", maria, "CREATE TABLE t (id int PRIMARY KEY, a int, b int, UNIQUE KEY uq (a, b));\n"
                        + "ALTER TABLE t DROP COLUMN b;", "DROP TABLE t;",
                        "MariaDB refuses to drop a column out of a key on several columns (error 1072)"),
                silent("dependent-objects", maria, "CREATE TABLE t (id int PRIMARY KEY, a int, b int, UNIQUE KEY uq (a, b));\n"
                        + "CREATE TABLE t2 (id int PRIMARY KEY, a int, b int, UNIQUE KEY uq (a, b));\n"
                        + "ALTER TABLE t DROP COLUMN a, DROP INDEX uq;\nALTER TABLE t2 DROP COLUMN a, DROP COLUMN b;",
                        "DROP TABLE t2;\nDROP TABLE t;", "the statement drops the key, or all of its columns"),
                silent("unknown-object", maria, "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\n"
                        + "CREATE INDEX idx_ab ON t (a, b);\nALTER TABLE t DROP COLUMN a;\nDROP INDEX idx_ab ON t;",
                        "DROP TABLE t;", "MySQL keeps an index on its other columns when one of them is dropped"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN a int, ADD COLUMN b int;\n"
                        + "CREATE INDEX idx_ab ON users (a, b);\nALTER TABLE users DROP COLUMN a;\nDROP INDEX idx_ab;",
                        "ALTER TABLE users DROP COLUMN b;", "PostgreSQL drops an index with any of its columns"),
                silent("unknown-object", maria, "CREATE TABLE c (id int PRIMARY KEY, email varchar(50), UNIQUE KEY uq_email (email));\n"
                        + "DROP INDEX uq_email ON c;", "DROP TABLE c;", "a unique key is an index on MySQL"),
                silent("unknown-object", maria, "CREATE INDEX users_age ON users (age);\nRENAME TABLE users TO people;\n"
                        + "ALTER TABLE people RENAME INDEX users_age TO people_age;\nALTER TABLE people RENAME TO persons;\n"
                        + "DROP INDEX people_age ON persons;", "RENAME TABLE persons TO users;",
                        "a renamed table keeps its indexes (MariaDB)"),
                silent("unknown-object", my, "CREATE INDEX users_age ON users (age);\nRENAME TABLE users TO people;\n"
                        + "DROP INDEX users_age ON people;", "RENAME TABLE people TO users;",
                        "a renamed table keeps its indexes (MySQL)"),
                silent("unknown-object", pg, "ALTER TABLE users ADD CHECK (age > id), ADD CHECK (age + id < 9);\n"
                        + "ALTER TABLE users ADD CHECK (length(name::text) < 50);\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_check, DROP CONSTRAINT users_check1,"
                        + " DROP CONSTRAINT users_name_check;", "SELECT 1;",
                        "a CHECK is named after its column only when it reads one"),
                silent("unknown-object", pg, "CREATE INDEX users_age_key ON users (email);\nALTER TABLE users ADD UNIQUE (age);\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_age_key1;\nCREATE TABLE users_x (y int);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_x_y_check CHECK (age > 0);\n"
                        + "ALTER TABLE users_x ADD CHECK (y > 0);\nALTER TABLE users_x DROP CONSTRAINT users_x_y_check1;",
                        "DROP TABLE users_x;", "a constraint's name is numbered past an index's and other tables' constraints"),
                fires("unknown-object", pg, "ALTER TABLE users ADD CHECK (age > id);\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_age_check;", "SELECT 1;",
                        "a CHECK on two columns is not named after the first"),
                silent("unknown-object", pg, "CREATE INDEX ON users (lower(name)) INCLUDE (id) WHERE age > 0;\n"
                        + "CREATE TABLE users_copy (LIKE users INCLUDING ALL);\nDROP INDEX users_lower_id_idx;\n"
                        + "DROP INDEX users_copy_lower_id_idx;", "DROP TABLE users_copy;",
                        "PostgreSQL names an index, and LIKE its copy, by its INCLUDE columns too"),
                fires("unknown-object", pg, "CREATE INDEX ON users (email) INCLUDE (age);\nDROP INDEX users_email_idx;",
                        "SELECT 1;", "an index named without its INCLUDE columns"),
                fires("unknown-object", pg, "CREATE INDEX ON users (email) INCLUDE (name);\n"
                        + "ALTER TABLE users DROP COLUMN name;\nDROP INDEX users_email_name_idx;",
                        "ALTER TABLE users ADD COLUMN name varchar(100);", "dropping an INCLUDE column drops the index"),
                silent("unknown-object", pg, "CREATE TABLE tags (id int, name text, UNIQUE NULLS NOT DISTINCT (name),\n"
                        + "  CONSTRAINT tags_id UNIQUE NULLS DISTINCT (id));\n"
                        + "CREATE TABLE item_tags (tag_id int REFERENCES tags (id), tag text REFERENCES tags (name));",
                        "DROP TABLE item_tags;\nDROP TABLE tags;", "PostgreSQL 15's NULLS NOT DISTINCT in a table's UNIQUE"),
                silent("dependent-objects", pg, "CREATE VIEW v AS SELECT id, name FROM users;\n"
                        + "ALTER TABLE users DROP COLUMN name CASCADE;\nALTER TABLE users ADD COLUMN name text;",
                        "ALTER TABLE users DROP COLUMN name;", "CASCADE takes the view"),
                fires("dependent-objects", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "ALTER TYPE mood RENAME TO feeling;\nDROP TYPE feeling;", "SELECT 1;",
                        "a renamed type is still the column's"),
                fires("dependent-objects", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                        + "DROP TYPE mood;", "SELECT 1;", "a type a column has"),
                silent("dependent-objects", pg, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood[];\n"
                        + "DROP TYPE mood CASCADE;\nALTER TABLE users ADD COLUMN m text;", "SELECT 1;",
                        "CASCADE takes the column of its array type"),

                fires("dependent-objects", pg, "ALTER TABLE users ADD COLUMN boss int REFERENCES users (id);\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_pkey;", "ALTER TABLE users DROP COLUMN boss;",
                        "the key a self-reference rests on"),
                silent("dependent-objects", pg, "ALTER TABLE users ADD COLUMN boss int REFERENCES users (id);\n"
                        + "ALTER TABLE users DROP COLUMN boss;", "SELECT 1;", "the referencing column goes with its key"),
                silent("dependent-objects", pg, "CREATE UNIQUE INDEX users_id_uq ON users (id);\n"
                        + "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_pkey;", "DROP TABLE orders;",
                        "another unique index may carry the key"),
                silent("dependent-objects", pg, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE;\nDROP TABLE users;", "DROP TABLE orders;",
                        "CASCADE drops the key resting on it, so the table is free to go"),
                silent("dependent-objects", maria, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                        + "SET FOREIGN_KEY_CHECKS = 0;\nDROP TABLE users;", "SELECT 1;", "MySQL's switch is not followed"),
                fires("unknown-object", pg, "CREATE UNIQUE INDEX CONCURRENTLY users_age_uq_idx ON users (age);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_age_uq UNIQUE USING INDEX users_age_uq_idx;\n"
                        + "DROP INDEX users_age_uq_idx;", "SELECT 1;", "USING INDEX renames the index to the constraint"),
                silent("duplicate-object", pg, "CREATE UNIQUE INDEX CONCURRENTLY users_age_uq_idx ON users (age);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_age_uq UNIQUE USING INDEX users_age_uq_idx;\n"
                        + "CREATE INDEX users_age_uq_idx ON users (age);", "SELECT 1;", "the index's old name is free"),
                silent("unknown-object", maria, "ALTER TABLE users ADD COLUMN (nick varchar(20), bio text);\n"
                        + "UPDATE users SET nick = 'x', bio = '' WHERE id = 1;",
                        "ALTER TABLE users DROP COLUMN nick, DROP COLUMN bio;", "MySQL's ADD COLUMN (a, b) list"),
                silent("unknown-object", lite, "CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT);\n"
                        + "DELETE FROM sqlite_sequence WHERE name = 't';", "DROP TABLE t;", "SQLite's own table"),
                silent("duplicate-object", pg, "CREATE INDEX users_age_idx ON users (age);\n"
                        + "CALL drop_unused_index('users', 'users_age_idx');\nCREATE INDEX users_age_idx ON users (age);",
                        "DROP INDEX users_age_idx;", "a procedure may have dropped it"),
                silent("duplicate-object", pg, "CREATE INDEX users_age_idx ON users (age);\n"
                        + "DO $$ BEGIN EXECUTE 'DROP INDEX users_age_idx'; END $$;\nCREATE INDEX users_age_idx ON users (age);",
                        "DROP INDEX users_age_idx;", "dynamic SQL may have dropped it"),
                fires("duplicate-object", pg, "CREATE INDEX users_age_idx ON users (age);\n"
                        + "CALL drop_unused_index('users', 'users_age_idx');\nCREATE INDEX users_age_idx ON users (age);\n"
                        + "CREATE INDEX users_age_idx ON users (age);", "DROP INDEX users_age_idx;",
                        "certain again once created outright"),
                silent("unknown-object", pg, "CREATE TABLE users_copy AS SELECT * FROM users;\n"
                        + "ALTER TABLE users_copy ADD COLUMN note text;\nCREATE INDEX users_copy_email ON users_copy (email);",
                        "DROP TABLE users_copy;", "AS SELECT's columns stay unknown after an ADD COLUMN"),
                silent("unknown-object", my, "UPDATE IGNORE users u1 JOIN users u2 ON u2.id = u1.id SET u1.name = 'x'"
                        + " WHERE u2.age > 1;", "SELECT 1;", "MySQL's UPDATE IGNORE ... JOIN"),
                fires("unknown-object", my, "UPDATE IGNORE users SET nick = 'x' WHERE id = 1;", "SELECT 1;",
                        "UPDATE IGNORE of a column that is not there"),
                fires("unknown-object", pg, "ALTER TABLE users ADD COLUMN visits intger;", "ALTER TABLE users DROP COLUMN visits;",
                        "a misspelt type"),
                fires("unknown-object", pg, "CREATE INDEX users_name_gin ON users USING gni (name);",
                        "DROP INDEX users_name_gin;", "a misspelt access method"),
                silent("unknown-object", pg, "CREATE EXTENSION IF NOT EXISTS citext;\nALTER TABLE users ADD COLUMN handle citext;",
                        "ALTER TABLE users DROP COLUMN handle;", "an extension's type"),
                silent("unknown-object", pg, "DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok', 'sad'); EXCEPTION WHEN"
                        + " duplicate_object THEN NULL; END $$;\nALTER TABLE users ADD COLUMN feeling mood;",
                        "ALTER TABLE users DROP COLUMN feeling;", "a type a DO block created"),
                silent("unknown-object", pg, "DO $$ BEGIN CREATE TYPE \"public\".\"role\" AS ENUM ('admin'); EXCEPTION WHEN"
                        + " duplicate_object THEN NULL; END $$;\nALTER TYPE \"public\".\"role\" ADD VALUE 'user';\n"
                        + "ALTER TABLE users ADD COLUMN r role;", "ALTER TABLE users DROP COLUMN r;",
                        "drizzle-kit's DO block, a type named like a kind of object, altered before it is used"),
                fires("unknown-object", pg, "CREATE VIEW v AS SELECT id, nam FROM users WHERE active;", "DROP VIEW v;",
                        "a bare boolean column as the view's condition"),
                fires("unknown-object", pg, "UPDATE users SET name = 'x' WHERE active AND nickname IS NULL;", "SELECT 1;",
                        "a bare boolean column beside a missing one"),
                silent("unknown-object", pg, "UPDATE users u SET name = 'x' FROM users w WHERE w.active AND u.active;",
                        "SELECT 1;", "bare boolean columns as conditions"),
                silent("unknown-object", pg, "CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');\n"
                        + "CREATE TABLE contacts (id bigint, address email_address, owner users, at timestamp with time zone,"
                        + " amount double precision, tags text[], spent numeric(10, 2));",
                        "DROP TABLE contacts;\nDROP DOMAIN email_address;", "a domain, a table's row type, built-ins"),
                silent("unknown-object", pg, "ALTER TABLE users ALTER COLUMN email SET DEFAULT 'none';",
                        "ALTER TABLE users ALTER COLUMN email DROP DEFAULT;", "SET DEFAULT is no type"),
                silent("unknown-object", pg, "CREATE TABLE teams (id int PRIMARY KEY, owner_id int, title text);\n"
                        + "UPDATE users SET age = 1 FROM teams WHERE teams.owner_id = users.id RETURNING users.id, title;",
                        "DROP TABLE teams;", "RETURNING after FROM may name the other table's columns"),
                silent("not-null-without-default", pg, "TRUNCATE users;\nALTER TABLE users ADD COLUMN code text NOT NULL;",
                        "ALTER TABLE users DROP COLUMN code;", "the script emptied the table first"),
                silent("unknown-object", pg, "CREATE SCHEMA IF NOT EXISTS auth;\n"
                        + "CREATE TABLE auth.schema_migrations (version text PRIMARY KEY);\n"
                        + "INSERT INTO auth.schema_migrations (version) VALUES ('1');\n"
                        + "DELETE FROM auth.schema_migrations WHERE version = '1' AND EXISTS (SELECT 1 FROM public.users);",
                        "DROP TABLE auth.schema_migrations;", "schema-qualified tables in a data statement"),
                fires("unknown-object", pg, "CREATE SCHEMA IF NOT EXISTS auth;\n"
                        + "CREATE TABLE auth.schema_migrations (version text PRIMARY KEY);\n"
                        + "DELETE FROM auth.schema_migrations WHERE versoin = '1';",
                        "DROP TABLE auth.schema_migrations;", "a misspelt column of a schema-qualified table"),
                // locking rules of round 2; a table created in the same migration is exempt
                fires("set-not-null-scan", pg, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                        "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", "existing table"),
                silent("set-not-null-scan", pg, "CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;",
                        "DROP TABLE t;", "table created here"),
                silent("set-not-null-scan", pg, "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL)"
                        + " NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                        "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_email_nn;", "proven by a CHECK"),
                fires("unique-constraint-blocking", pg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                        "ALTER TABLE users DROP CONSTRAINT users_email_key;", "ADD UNIQUE"),
                fires("unique-constraint-blocking", pg, "ALTER TABLE users DROP CONSTRAINT users_pkey;\n"
                        + "ALTER TABLE users ADD PRIMARY KEY (id, name);", "SELECT 1;", "ADD PRIMARY KEY"),
                silent("unique-constraint-blocking", pg, "CREATE TABLE t (a int);\nALTER TABLE t ADD UNIQUE (a);",
                        "DROP TABLE t;", "table created here"),
                silent("unique-constraint-blocking", pg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE"
                        + " USING INDEX users_email_idx;", "ALTER TABLE users DROP CONSTRAINT users_email_key;",
                        "USING INDEX"),
                fires("blocking-index-drop", pg, "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);",
                        "DROP INDEX users_name_idx;", "in the rollback"),
                silent("blocking-index-drop", pg, "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);",
                        "DROP INDEX CONCURRENTLY users_name_idx;", "CONCURRENTLY"),
                silent("blocking-index-drop", pg, "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;",
                        "DROP TABLE t;", "table created here"),
                fires("identifier-too-long", pg, "ALTER TABLE users ADD COLUMN"
                        + " the_date_on_which_this_user_last_confirmed_the_address_by_clicking_the_link timestamptz;",
                        "SELECT 1;", "64 bytes and more"),
                silent("identifier-too-long", pg, "ALTER TABLE users ADD COLUMN"
                        + " date_on_which_this_user_last_confirmed_the_address_by_the_link_ timestamptz;",
                        "ALTER TABLE users DROP COLUMN date_on_which_this_user_last_confirmed_the_address_by_the_link_;",
                        "63 bytes"),
                fires("unique-constraint-blocking", pg, "ALTER TABLE users ADD COLUMN code text UNIQUE;",
                        "ALTER TABLE users DROP COLUMN code;", "inline UNIQUE on a new column"),
                fires("constraint-without-not-valid", pg, "ALTER TABLE users ADD COLUMN referrer int REFERENCES users (id);",
                        "ALTER TABLE users DROP COLUMN referrer;", "inline REFERENCES on a new column"),
                silent("table-rewrite", pg, "ALTER TABLE users ADD COLUMN type text;\n"
                        + "ALTER TABLE users ALTER COLUMN type DROP NOT NULL;", "ALTER TABLE users DROP COLUMN type;",
                        "a column called type"),
                fires("table-rewrite", pg, "CREATE FUNCTION next_code() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                        + "ALTER TABLE users ADD COLUMN code int DEFAULT next_code();",
                        "ALTER TABLE users DROP COLUMN code;\nDROP FUNCTION next_code();", "a volatile user function"),
                silent("table-rewrite", pg, "CREATE FUNCTION next_code() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;\n"
                        + "ALTER TABLE users ADD COLUMN code int DEFAULT next_code();",
                        "ALTER TABLE users DROP COLUMN code;\nDROP FUNCTION next_code();", "an immutable user function"),
                fires("table-rewrite", my, "ALTER TABLE users ADD COLUMN nick varchar(20), ALGORITHM=COPY;",
                        "ALTER TABLE users DROP COLUMN nick;", "ALGORITHM=COPY"),
                fires("blocking-index-build", maria, "ALTER TABLE users ADD INDEX users_name (name), ALGORITHM=INPLACE,"
                        + " LOCK=SHARED;", "ALTER TABLE users DROP INDEX users_name;", "LOCK=SHARED"),
                silent("blocking-index-build", my, "ALTER TABLE users ADD INDEX users_name (name), ALGORITHM=INPLACE,"
                        + " LOCK=NONE;", "ALTER TABLE users DROP INDEX users_name, ALGORITHM=INPLACE, LOCK=NONE;",
                        "online"),
                fires("blocking-index-build", maria, "ALTER TABLE users ADD CONSTRAINT users_age_fk FOREIGN KEY (age)"
                        + " REFERENCES users (id);", "ALTER TABLE users DROP FOREIGN KEY users_age_fk;",
                        "a foreign key is added by copying the table"),
                silent("blocking-index-build", maria, "SET foreign_key_checks = 0;\nALTER TABLE users ADD CONSTRAINT"
                        + " users_age_fk FOREIGN KEY (age) REFERENCES users (id), ALGORITHM=INPLACE, LOCK=NONE;\n"
                        + "SET foreign_key_checks = 1;", "ALTER TABLE users DROP FOREIGN KEY users_age_fk;",
                        "in place with the checks off"),
                silent("blocking-index-build", maria, "SET foreign_key_checks = 0;\nALTER TABLE users ADD CONSTRAINT"
                        + " users_age_fk FOREIGN KEY (age) REFERENCES users (id);",
                        "ALTER TABLE users DROP FOREIGN KEY users_age_fk;", "InnoDB chooses in place itself"),
                silent("table-rewrite", my, "ALTER TABLE users ADD COLUMN state ENUM('new', 'active') NOT NULL DEFAULT 'new';\n"
                        + "ALTER TABLE users MODIFY state ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new';",
                        "ALTER TABLE users DROP COLUMN state;", "an ENUM value appended at the end"),
                fires("table-rewrite", my, "ALTER TABLE users ADD COLUMN state ENUM('new', 'active') NOT NULL DEFAULT 'new';\n"
                        + "ALTER TABLE users MODIFY state ENUM('closed', 'new', 'active') NOT NULL DEFAULT 'new';",
                        "ALTER TABLE users DROP COLUMN state;", "an ENUM value put first"),
                // transaction control, in forward scripts and rollbacks alike
                fires("transaction-control", pg, "BEGIN;\nALTER TABLE users ADD COLUMN nick text;\nCOMMIT;",
                        "ALTER TABLE users DROP COLUMN nick;", "the runner's transaction"),
                fires("transaction-control", pg, "ALTER TABLE users ADD COLUMN nick text;",
                        "BEGIN;\nALTER TABLE users DROP COLUMN nick;\nCOMMIT;", "in the rollback"),
                silent("transaction-control", pg, "-- drydock:no-transaction\nBEGIN;\n"
                        + "ALTER TABLE users ADD COLUMN nick text;\nCOMMIT;", "ALTER TABLE users DROP COLUMN nick;",
                        "not wrapped"),
                fires("concurrent-in-transaction", pg, "SELECT 1;", "UPDATE users SET active = true WHERE id = 1;\n"
                        + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);", "in the rollback"),
                fires("blocking-index-build", pg, "SELECT 1;", "CREATE INDEX users_age_idx ON users (age);",
                        "in the rollback"),
                silent("destructive-drop", pg, "ALTER TABLE users ADD COLUMN nick text;",
                        "ALTER TABLE users DROP COLUMN nick;", "a rollback drops what its forward added"),
                fires("security-weakening", lite, "PRAGMA ignore_check_constraints = ON;",
                        "PRAGMA ignore_check_constraints = OFF;", "PRAGMA")));
        return cases;
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresOrStaysSilent(Case c) {
        JsonNode report = validate(c.dialect(), c.forward(), c.rollback(), List.of());
        Set<String> fired = ruleFindings(report, c.rule());
        if (c.fires()) {
            assertFalse(fired.isEmpty(), c + " did not fire; findings: " + CliRun.findings(report));
        } else {
            assertTrue(fired.isEmpty(), c + " fired: " + fired);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleOfTheCatalogueFiresItsRule(Rule rule) {
        Rule.Example example = rule.example().orElseThrow();
        List<String> enabling = List.of();
        if (rule.optIn()) {
            Path config = CliRun.write(dir, "drydock.yaml", "migrations:\n  dir: .\n  dialects: [" + example.dialect().id()
                    + "]\nvalidator:\n  rules: { " + rule.id() + ": warning }\n");
            enabling = List.of("--config", config.toString());
        }
        JsonNode report = validate(example.dialect(), example.forward(), example.rollback(), enabling);
        assertFalse(ruleFindings(report, rule.id()).isEmpty(), rule.id() + "'s example did not fire it: "
                + CliRun.findings(report));
    }

    static List<Rule> examples() {
        return RuleCatalog.all().stream().filter(rule -> rule.example().isPresent()).toList();
    }

    @Test
    void optInRulesAreOffUntilTheConfigNamesThem() {
        String table = "CREATE TABLE events (id serial PRIMARY KEY, name varchar(40), at timestamp, n int);";
        assertEquals(Set.of(), ruleFindings(validate(Dialect.POSTGRESQL, table, "DROP TABLE events;", List.of()),
                "prefer-bigint"));
        Path config = CliRun.write(dir, "drydock.yaml", "migrations:\n  dir: .\nvalidator:\n  rules: { prefer-bigint: error,"
                + " prefer-text: warning, prefer-timestamptz: warning, prefer-identity: info }\n");
        JsonNode report = CliRun.json("--config", config.toString());
        assertEquals(List.of("prefer-bigint@V2__change.sql:1:25", "prefer-bigint@V2__change.sql:1:79",
                "prefer-identity@V2__change.sql:1:25", "prefer-text@V2__change.sql:1:50",
                "prefer-timestamptz@V2__change.sql:1:66"), CliRun.findings(report, "prefer-bigint", "prefer-text",
                "prefer-timestamptz", "prefer-identity").stream().filter(f -> f.contains("V2__")).sorted().toList());
        assertEquals("error", find(report, "prefer-bigint").get("severity").asText());
        assertTrue(ruleFindings(report, "prefer-bigint").stream().noneMatch(f -> f.startsWith("U2")),
                "a rollback is not told how to declare columns");
    }

    @Test
    void golangMigrateScriptsKeepTheirOwnTransaction() {
        CliRun.write(dir, "1_users.up.sql", USERS);
        CliRun.write(dir, "1_users.down.sql", "DROP TABLE users;");
        CliRun.write(dir, "2_nick.up.sql", "BEGIN;\nALTER TABLE users ADD COLUMN nick text;\nCOMMIT;\n");
        CliRun.write(dir, "2_nick.down.sql", "BEGIN;\nALTER TABLE users DROP COLUMN nick;\nCOMMIT;\n");
        assertEquals(List.of(), CliRun.findings(CliRun.json(dir.toString()), "transaction-control"));
    }

    @Test
    void largeTablesRaiseSafetyFindingsToErrors() {
        write("V1__users.sql", USERS);
        write("U1__users.sql", "DROP TABLE users;");
        write("V2__index.sql", "CREATE INDEX users_age_idx ON users (age);");
        write("U2__index.sql", "DROP INDEX users_age_idx;");
        Path config = CliRun.write(dir, "drydock.yaml", "migrations:\n  dir: .\nvalidator:\n  largeTables: [users]\n");
        JsonNode report = CliRun.json("--config", config.toString());
        JsonNode finding = find(report, "blocking-index-build");
        assertEquals("error", finding.get("severity").asText());
        assertTrue(finding.get("message").asText().contains("largeTables"));
    }

    @Test
    void rowLevelSecurityOffAndNotForcedAreToldApart() {
        write("V1__users.sql", USERS + "\nALTER TABLE users ENABLE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE users FORCE ROW LEVEL SECURITY;");
        write("U1__users.sql", "ALTER TABLE users NO FORCE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE users DISABLE ROW LEVEL SECURITY;\nDROP TABLE users;");
        List<String> messages = new ArrayList<>();
        for (JsonNode finding : CliRun.json(dir.toString()).get("findings")) {
            if (finding.get("rule").asText().equals("security-weakening")) {
                messages.add(finding.get("line").asInt() + ": " + finding.get("message").asText());
            }
        }
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("1: NO FORCE ROW LEVEL SECURITY lets the owner of users"), messages.get(0));
        assertTrue(messages.get(1).startsWith("2: turning row level security off on users"), messages.get(1));
    }

    @Test
    void aViewIsMadeIdempotentByOrReplaceWhereIfNotExistsIsNoSyntax() {
        write("V1__users.sql", USERS);
        write("U1__users.sql", "DROP TABLE users;");
        write("V2__view.sql", "CREATE VIEW adults AS SELECT id FROM users WHERE age >= 18;");
        write("U2__view.sql", "DROP VIEW IF EXISTS adults;");
        for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
            List<String> messages = new ArrayList<>();
            for (JsonNode finding : CliRun.json("--dialect", dialect, dir.toString()).get("findings")) {
                if (finding.get("rule").asText().equals("non-idempotent-ddl") && finding.get("file").asText().contains("V2")) {
                    messages.add(finding.get("message").asText());
                }
            }
            String expected = dialect.equals("sqlite") ? "CREATE VIEW without IF NOT EXISTS stops a re-run after a partial"
                    + " failure; add it" : "CREATE VIEW stops a re-run after a partial failure; write CREATE OR REPLACE VIEW";
            assertEquals(List.of(expected), messages, dialect);
        }
    }

    @Test
    void aMisspeltFunctionIsToldTheNameItIsClosestTo() {
        write("V1__users.sql", USERS);
        write("U1__users.sql", "DROP TABLE users;");
        write("V2__stamp.sql", "ALTER TABLE users ADD COLUMN at timestamptz DEFAULT nowz(), ADD COLUMN v int DEFAULT xyzzy();");
        write("U2__stamp.sql", "ALTER TABLE users DROP COLUMN at, DROP COLUMN v;");
        List<String> messages = new ArrayList<>();
        for (JsonNode finding : CliRun.json("--dialect", "postgresql", dir.toString()).get("findings")) {
            if (finding.get("rule").asText().equals("unknown-object")) {
                messages.add(finding.get("line").asInt() + ":" + finding.get("column").asInt() + " "
                        + finding.get("message").asText());
            }
        }
        assertEquals(List.of("1:53 function nowz() does not exist at this point of the migrations: PostgreSQL has no"
                + " such function, and no migration created it; did you mean now()?"), messages,
                "one finding, at the first unknown function, as PostgreSQL stops there");
    }

    @Test
    void aPasswordIsNeverInAnyReport() {
        write("V1__role.sql", "CREATE ROLE app LOGIN PASSWORD 'Sup3rSecretValue';\nCREATE USER x IDENTIFIED BY 'Hunter2Hunter2';");
        write("U1__role.sql", "DROP ROLE app;");
        for (String format : List.of("text", "json", "sarif", "github", "junit")) {
            CliRun run = CliRun.of("--format", format, dir.toString());
            assertTrue(run.out().contains("hardcoded-credential"), format + ": " + run.out());
            assertFalse(run.out().contains("Sup3rSecretValue") || run.out().contains("Hunter2Hunter2"), format);
        }
        write("V2__seed.sql", "INSERT INTO t VALUES ('x' 'AnotherSecret99');");
        CliRun sqlite = CliRun.of("--dialect", "sqlite", dir.toString());
        assertTrue(sqlite.out().contains("syntax-error"), sqlite.out());
        assertFalse(sqlite.out().contains("AnotherSecret99"), sqlite.out());
    }

    private JsonNode find(JsonNode report, String rule) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("rule").asText().equals(rule)) {
                return finding;
            }
        }
        throw new AssertionError(rule + " not in " + CliRun.findings(report));
    }

    private JsonNode validate(Dialect dialect, String forward, String rollback, List<String> extra) {
        String users = dialect == Dialect.SQLITE || dialect == Dialect.D1 ? USERS.replace(" int", " integer") : USERS;
        write("V1__users.sql", users);
        write("U1__users.sql", "DROP TABLE users;");
        write("V2__change.sql", forward);
        if (rollback != null) {
            write("U2__change.sql", rollback);
        }
        List<String> args = new ArrayList<>(List.of("--dialect", dialect.id()));
        args.addAll(extra);
        args.add(dir.toString());
        return CliRun.json(args.toArray(String[]::new));
    }

    private Set<String> ruleFindings(JsonNode report, String rule) {
        Set<String> found = new java.util.TreeSet<>();
        for (JsonNode finding : report.get("findings")) {
            String file = Path.of(finding.get("file").asText()).getFileName().toString();
            if (finding.get("rule").asText().equals(rule) && file.endsWith("2__change.sql")) {
                found.add(file + ":" + finding.get("line").asInt() + " " + finding.get("message").asText());
            }
        }
        return found.stream().collect(Collectors.toSet());
    }

    private void write(String name, String content) {
        CliRun.write(dir, name, content);
    }
}
