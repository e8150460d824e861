-- Data migrations with one planted error each, for PlantedErrorsTest. A case is '-- case: <engine> <rule> <name>',
-- then its SQL: V1 (the schema, every line before '-- V2') and V2 (the data statement, whose last statement fails on
-- the engine). The test runs V1 and V2 on the engine, which must refuse V2's statement, and expects the rule at V2's
-- line of that statement. A case whose rule is 'none' must run on the engine, and the validator must report no
-- error of V2.
-- case: postgresql unknown-object misspelt column in WHERE
CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL, age int);
-- V2
UPDATE users SET name = 'x' WHERE emial = 'a@example.com';
-- case: postgresql unknown-object misspelt column in the WHERE of UPDATE ... FROM
CREATE TABLE users (id int PRIMARY KEY, name text, score int);
CREATE TABLE stats (user_id int PRIMARY KEY, total int);
-- V2
UPDATE users u SET score = s.total FROM stats s WHERE s.user_idd = u.id;
-- case: postgresql unknown-object misspelt column in SET's expression of UPDATE ... FROM
CREATE TABLE users (id int PRIMARY KEY, name text, org_id int);
CREATE TABLE orgs (id int PRIMARY KEY, title text);
-- V2
UPDATE users
SET name = o.titel
FROM orgs o
WHERE o.id = users.org_id;
-- case: postgresql unknown-object misspelt column in DELETE ... USING
CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE posts (id int PRIMARY KEY, user_id int);
-- V2
DELETE FROM posts p USING users u WHERE p.user_id = u.idd;
-- case: postgresql unknown-object misspelt function in SET
CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL, age int);
-- V2
UPDATE users SET email = lowr(email) WHERE id > 0;
-- case: postgresql unknown-object misspelt function in the VALUES of INSERT
CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL, age int);
-- V2
INSERT INTO users (id, name, email) VALUES (1, initcapp('ann'), 'ann@example.com');
-- case: postgresql ambiguous-column a column of the target and of FROM in UPDATE ... FROM
CREATE TABLE users (id int PRIMARY KEY, name text, org_id int);
CREATE TABLE orgs (id int PRIMARY KEY, title text);
-- V2
UPDATE users SET name = title FROM orgs WHERE id = org_id;
-- case: postgresql unknown-object misspelt column beside names Calcite keeps as keywords (t.uuid, t.value)
CREATE TABLE items (uuid uuid PRIMARY KEY, value text, owner_uuid uuid);
CREATE TABLE owners (uuid uuid PRIMARY KEY, value text);
-- V2
UPDATE items SET value = o.value FROM owners o WHERE o.uuid = items.ownr_uuid;
-- case: sqlite unknown-object misspelt column in UPDATE ... FROM
CREATE TABLE users (id integer PRIMARY KEY, name text, score integer);
CREATE TABLE stats (user_id integer PRIMARY KEY, total integer);
-- V2
UPDATE users SET score = s.totl FROM stats AS s WHERE s.user_id = users.id;
-- case: postgresql unknown-object misspelt column beside a jsonb operator Calcite does not know
CREATE TABLE users (id int PRIMARY KEY, meta jsonb NOT NULL DEFAULT '{}', active boolean);
-- V2
UPDATE users SET active = true WHERE meta ? 'admin' AND metta @> '{"plan": "pro"}';
-- case: postgresql unknown-object misspelt column in an ILIKE
CREATE TABLE users (id int PRIMARY KEY, email text, active boolean);
-- V2
DELETE FROM users WHERE emial ILIKE '%@example.com';
-- case: postgresql unknown-object misspelt column in a subquery
CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE teams (id int PRIMARY KEY, owner_id int, name text);
-- V2
DELETE FROM users
WHERE id IN (SELECT owner_id FROM teams WHERE nmae = 'core');
-- case: postgresql unknown-object misspelt column in a select list of INSERT ... SELECT
CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE archived_users (id int PRIMARY KEY, name text);
-- V2
INSERT INTO archived_users (id, name)
SELECT id, nmae FROM users WHERE id < 100;
-- case: postgresql unknown-object misspelt table in a subquery
CREATE TABLE users (id int PRIMARY KEY, name text);
-- V2
DELETE FROM users WHERE id IN (SELECT user_id FROM sessoins);
-- case: postgresql unknown-object misspelt column in SET's expression
CREATE TABLE users (id int PRIMARY KEY, name text, display_name text);
-- V2
UPDATE users SET display_name = upper(nme) WHERE id > 0;
-- case: postgresql unknown-object column in a join condition
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE customers (id int PRIMARY KEY, tier text);
-- V2
DELETE FROM orders WHERE customer_id IN (SELECT c.id FROM customers c JOIN orders o ON o.customerid = c.id);
-- case: postgresql unknown-object misspelt column in RETURNING
CREATE TABLE users (id int PRIMARY KEY, name text);
-- V2
INSERT INTO users (id, name) VALUES (1, 'Ann') RETURNING id, nmae;
-- case: postgresql unknown-object a column a view does not give
CREATE TABLE users (id int PRIMARY KEY, name text, age int);
CREATE VIEW adults AS SELECT id, name AS full_name FROM users WHERE age >= 18;
-- V2
DELETE FROM users WHERE id IN (SELECT id FROM adults WHERE full_nmae = 'x');
-- case: postgresql ambiguous-column in a join
CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE teams (id int PRIMARY KEY, name text);
-- V2
DELETE FROM users WHERE id IN (SELECT u.id FROM users u JOIN teams t ON t.id = u.id WHERE name = 'core');
-- case: postgresql not-null-violation an INSERT that leaves out a NOT NULL column
CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL);
-- V2
INSERT INTO users (id, name) VALUES (1, 'Ann');
-- case: postgresql not-null-violation NULL into a NOT NULL column
CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL);
-- V2
INSERT INTO users (id, name, email) VALUES (1, 'Ann', NULL);
-- case: postgresql not-null-violation INSERT ... DEFAULT VALUES with a NOT NULL column without default
CREATE TABLE events (id serial PRIMARY KEY, kind text NOT NULL, note text);
-- V2
INSERT INTO events DEFAULT VALUES;
-- case: postgresql not-null-violation an INSERT without a column list too short for a NOT NULL column
CREATE TABLE roles (id int PRIMARY KEY, name text NOT NULL, note text);
-- V2
INSERT INTO roles VALUES (1);
-- case: postgresql not-null-violation NULL by position into a NOT NULL column
CREATE TABLE roles (id int PRIMARY KEY, name text NOT NULL, note text);
-- V2
INSERT INTO roles VALUES (1, 'admin', NULL), (2, NULL, 'x');
-- case: postgresql dml-type-mismatch a word into an integer column
CREATE TABLE users (id int PRIMARY KEY, age int);
-- V2
UPDATE users SET age = 'unknown' WHERE id = 1;
-- case: postgresql dml-type-mismatch a word into a numeric column
CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10, 2));
-- V2
INSERT INTO prices (id, amount) VALUES (1, 'ten');
-- case: postgresql dml-type-mismatch a word into a boolean column
CREATE TABLE users (id int PRIMARY KEY, active boolean);
-- V2
INSERT INTO users (id, active) VALUES (1, 'maybe');
-- case: postgresql dml-type-mismatch a decimal into an integer column
CREATE TABLE users (id int PRIMARY KEY, age int);
-- V2
INSERT INTO users (id, age) VALUES (1, '4.5');
-- case: mariadb unknown-object misspelt column in WHERE
CREATE TABLE users (id int PRIMARY KEY, name varchar(100), email varchar(200) NOT NULL);
-- V2
UPDATE users SET name = 'x' WHERE emial = 'a@example.com';
-- case: mariadb unknown-object misspelt column in a subquery
CREATE TABLE users (id int PRIMARY KEY, name varchar(100));
CREATE TABLE teams (id int PRIMARY KEY, owner_id int, name varchar(100));
-- V2
DELETE FROM users WHERE id IN (SELECT owner_id FROM teams WHERE nmae = 'core');
-- case: mariadb unknown-object misspelt column in INSERT ... SELECT
CREATE TABLE users (id int PRIMARY KEY, name varchar(100));
CREATE TABLE archived_users (id int PRIMARY KEY, name varchar(100));
-- V2
INSERT INTO archived_users (id, name) SELECT id, nmae FROM users WHERE id < 100;
-- case: mariadb unknown-object misspelt table in a subquery
CREATE TABLE users (id int PRIMARY KEY, name varchar(100));
-- V2
DELETE FROM users WHERE id IN (SELECT user_id FROM sessoins);
-- case: mariadb ambiguous-column in a join
CREATE TABLE users (id int PRIMARY KEY, name varchar(100));
CREATE TABLE teams (id int PRIMARY KEY, name varchar(100));
-- V2
INSERT INTO users (id, name) SELECT u.id + 1000, 'copy' FROM users u JOIN teams t ON t.id = u.id WHERE name = 'core';
-- case: mariadb not-null-violation an INSERT that leaves out a NOT NULL column
CREATE TABLE users (id int PRIMARY KEY, name varchar(100), email varchar(200) NOT NULL);
-- V2
INSERT INTO users (id, name) VALUES (1, 'Ann');
-- case: mariadb not-null-violation NULL into a NOT NULL column
CREATE TABLE users (id int PRIMARY KEY, email varchar(200) NOT NULL);
-- V2
INSERT INTO users (id, email) VALUES (1, NULL);
-- case: mariadb dml-type-mismatch a word into an integer column
CREATE TABLE users (id int PRIMARY KEY, age int);
INSERT INTO users (id, age) VALUES (1, 30);
-- V2
UPDATE users SET age = 'unknown' WHERE id = 1;
-- case: mariadb dml-type-mismatch a word into a decimal column
CREATE TABLE prices (id int PRIMARY KEY, amount decimal(10, 2));
-- V2
INSERT INTO prices (id, amount) VALUES (1, 'ten');
-- case: sqlite unknown-object misspelt column in WHERE
CREATE TABLE users (id integer PRIMARY KEY, name text, email text NOT NULL);
-- V2
UPDATE users SET name = 'x' WHERE emial = 'a@example.com';
-- case: sqlite unknown-object misspelt column in a subquery
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE teams (id integer PRIMARY KEY, owner_id integer, name text);
-- V2
DELETE FROM users WHERE id IN (SELECT owner_id FROM teams WHERE nmae = 'core');
-- case: sqlite unknown-object misspelt column in INSERT ... SELECT
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE archived_users (id integer PRIMARY KEY, name text);
-- V2
INSERT INTO archived_users (id, name) SELECT id, nmae FROM users WHERE id < 100;
-- case: sqlite unknown-object misspelt table in a subquery
CREATE TABLE users (id integer PRIMARY KEY, name text);
-- V2
DELETE FROM users WHERE id IN (SELECT user_id FROM sessoins);
-- case: sqlite unknown-object misspelt column in SET's expression
CREATE TABLE users (id integer PRIMARY KEY, name text, display_name text);
-- V2
UPDATE users SET display_name = upper(nme) WHERE id > 0;
-- case: sqlite ambiguous-column in a join
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE teams (id integer PRIMARY KEY, name text);
-- V2
DELETE FROM users WHERE id IN (SELECT u.id FROM users u JOIN teams t ON t.id = u.id WHERE name = 'core');
-- case: sqlite not-null-violation an INSERT that leaves out a NOT NULL column
CREATE TABLE users (id integer PRIMARY KEY, name text, email text NOT NULL);
-- V2
INSERT INTO users (id, name) VALUES (1, 'Ann');
-- case: sqlite not-null-violation INSERT ... DEFAULT VALUES with a NOT NULL column without default
CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, note text);
-- V2
INSERT INTO events DEFAULT VALUES;
-- case: sqlite not-null-violation NULL by position into a NOT NULL column
CREATE TABLE roles (id integer PRIMARY KEY, name text NOT NULL, note text);
-- V2
INSERT INTO roles VALUES (1, NULL, 'x');
-- case: sqlite not-null-violation NULL into a NOT NULL column
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
-- V2
INSERT INTO users (id, email) VALUES (1, NULL);
-- case: postgresql syntax-error a VALUES row shorter than the others
CREATE TABLE users (id int PRIMARY KEY, name text);
-- V2
INSERT INTO users (id, name) VALUES (1, 'a'), (2);
-- case: postgresql syntax-error a VALUES row longer than the column list
CREATE TABLE users (id int PRIMARY KEY, name text);
-- V2
INSERT INTO users (id) VALUES (1, 'a');
-- case: mariadb syntax-error a VALUES row shorter than the column list
CREATE TABLE users (id int PRIMARY KEY, name varchar(20));
-- V2
INSERT INTO users (id, name) VALUES (1, 'a'), (2);
-- case: sqlite syntax-error a VALUES row longer than the column list
CREATE TABLE users (id integer PRIMARY KEY, name text);
-- V2
INSERT INTO users (id) VALUES (1, 'a');
-- case: postgresql unknown-object ON CONFLICT on columns no unique index has
CREATE TABLE users (id int PRIMARY KEY, name text, email text, UNIQUE (name, email));
-- V2
INSERT INTO users (id, name, email) VALUES (1, 'a', 'a@example.com')
ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name;
-- case: postgresql unknown-object ON CONFLICT on a misspelt column
CREATE TABLE users (id int PRIMARY KEY, name text, email text UNIQUE);
-- V2
INSERT INTO users (id, name, email) VALUES (1, 'a', 'a@example.com') ON CONFLICT (emial) DO NOTHING;
-- case: postgresql unknown-object ON CONFLICT whose only unique index is partial
CREATE TABLE users (id int PRIMARY KEY, email text, active boolean);
CREATE UNIQUE INDEX users_active_email ON users (email) WHERE active;
-- V2
INSERT INTO users (id, email, active) VALUES (1, 'a@example.com', true) ON CONFLICT (email) DO NOTHING;
-- case: postgresql none ON CONFLICT on a key in any order, a partial index with its WHERE, a constraint by name
CREATE TABLE users (id int PRIMARY KEY, name text, email text, active boolean, UNIQUE (name, email));
CREATE UNIQUE INDEX users_active_email ON users (email) WHERE active;
-- V2
INSERT INTO users (id, name, email) VALUES (1, 'a', 'b') ON CONFLICT (email, name) DO UPDATE SET active = true;
INSERT INTO users (id, email, active) VALUES (2, 'c', true) ON CONFLICT (email) WHERE active DO NOTHING;
INSERT INTO users (id, name) VALUES (3, 'd') ON CONFLICT ON CONSTRAINT users_pkey DO NOTHING;
INSERT INTO users (id, name) VALUES (4, 'e') ON CONFLICT DO NOTHING;
-- case: sqlite unknown-object ON CONFLICT on columns no unique index has
CREATE TABLE settings (id integer PRIMARY KEY, name text, value text);
-- V2
INSERT INTO settings (name, value) VALUES ('theme', 'dark') ON CONFLICT (name) DO UPDATE SET value = excluded.value;
-- case: sqlite none ON CONFLICT on a unique column and on the primary key
CREATE TABLE settings (id integer PRIMARY KEY, name text UNIQUE, value text);
-- V2
INSERT INTO settings (name, value) VALUES ('theme', 'dark') ON CONFLICT (name) DO UPDATE SET value = excluded.value;
INSERT INTO settings (id, name) VALUES (1, 'x') ON CONFLICT (id) DO NOTHING;
-- case: postgresql syntax-error a value inserted into a generated column
CREATE TABLE orders (id int PRIMARY KEY, net numeric, gross numeric GENERATED ALWAYS AS (net * 1.2) STORED);
-- V2
INSERT INTO orders (id, net, gross) VALUES (1, 10, DEFAULT), (2, 20, 24);
-- case: postgresql syntax-error a generated column set by UPDATE
CREATE TABLE orders (id int PRIMARY KEY, net numeric, gross numeric GENERATED ALWAYS AS (net * 1.2) STORED);
-- V2
UPDATE orders SET gross = net * 1.25 WHERE id > 0;
-- case: sqlite syntax-error a value inserted into a generated column
CREATE TABLE orders (id integer PRIMARY KEY, net real, gross real AS (net * 1.2));
-- V2
INSERT INTO orders (id, net, gross) VALUES (1, 10, 12);
-- case: postgresql none generated columns left out or written DEFAULT, identities written with their clause
CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY, net numeric,
    gross numeric GENERATED ALWAYS AS (net * 1.2) STORED);
-- V2
INSERT INTO orders (net) VALUES (10);
INSERT INTO orders (net, gross) VALUES (20, DEFAULT);
INSERT INTO orders (id, net) OVERRIDING SYSTEM VALUE VALUES (100, 30);
UPDATE orders SET net = 40, gross = DEFAULT WHERE id = 100;
-- case: mariadb none a generated column set by an UPDATE of no row
CREATE TABLE orders (id int PRIMARY KEY, net decimal(10, 2), gross decimal(10, 2) AS (net * 1.2));
-- V2
UPDATE orders SET gross = 1 WHERE id < 0;
