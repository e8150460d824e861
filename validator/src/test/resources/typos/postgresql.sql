-- Statements PostgreSQL 15 rejects as syntax errors (SQLSTATE 42601; its grammar, or for a column's clauses its parse
-- analysis), one case per migration file. Each case
-- starts at a '-- case:' line; PostgresTypoTest writes it below a two-line header, runs it on the local server
-- and expects exactly one syntax-error, at the line the server names.
-- case: missing semicolon between two ALTER TABLEs
ALTER TABLE t ADD COLUMN a int
ALTER TABLE t ADD COLUMN b int;
-- case: ADD COLUM
ALTER TABLE t ADD COLUM x int;
-- case: REFERNCES
ALTER TABLE t ADD COLUMN c int REFERNCES u (id);
-- case: NOT NUL
ALTER TABLE t ADD COLUMN c int NOT NUL;
-- case: WHER
UPDATE t SET name = 'a' WHER id = 1;
-- case: RENAME COLUMN without TO
ALTER TABLE t RENAME COLUMN a b;
-- case: CREATE INDEX without ON
CREATE INDEX i t (b);
-- case: DROP COLUMN without a name
ALTER TABLE t DROP COLUMN;
-- case: CREATE TABEL
CREATE TABEL t2 (id int);
-- case: trailing comma in a column list
CREATE TABLE t2 (
    id int,
    name text,
);
-- case: missing comma between columns
CREATE TABLE t2 (
    id int
    name text
);
-- case: VALUE for VALUES
INSERT INTO t (id, name) VALUE (1, 'a');
-- case: missing comma in an INSERT column list
INSERT INTO t (id name) VALUES (1, 'a');
-- case: DELETE without FROM
DELETE t WHERE id = 1;
-- case: FORM for FROM
SELECT id FORM t;
-- case: USING without an access method
CREATE INDEX i2 ON t USING (name);
-- case: TYPE without a type
ALTER TABLE t ALTER COLUMN name TYPE;
-- case: DEFUALT
ALTER TABLE t ALTER COLUMN name SET DEFUALT 'x';
-- case: REFERENCES without a table
ALTER TABLE t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES;
-- case: PRIMARY without KEY
CREATE TABLE t2 (id serial PRIMARY);
-- case: IF EXIST
DROP TABLE IF EXIST t;
-- case: IF NOT EXIST
CREATE TABLE IF NOT EXIST t2 (id int);
-- case: GRANT to nobody
GRANT SELECT ON t TO;
-- case: CREATE VIEW without AS
CREATE VIEW v SELECT * FROM t;
-- case: START WITH without a number
CREATE SEQUENCE s START WITH;
-- case: COMMENT without IS
COMMENT ON TABLE t 'the t table';
-- case: ENUM without parentheses
CREATE TYPE mood AS ENUM 'happy', 'sad';
-- case: PRIMARY KEY without parentheses
ALTER TABLE t ADD PRIMARY KEY id;
-- case: DEFAULT without a value
CREATE TABLE t2 (id int DEFAULT);
-- case: SET without a value
UPDATE t SET name = WHERE id = 1;
-- case: comma before FROM
SELECT id, FROM t;
-- case: CHECK without parentheses
CREATE TABLE t2 (id int CHECK id > 0);
-- case: RENAME TO without a name
ALTER TABLE t RENAME TO;
-- case: trigger without ON
CREATE TRIGGER trg BEFORE INSERT t FOR EACH ROW EXECUTE FUNCTION f();
-- case: missing semicolon after a function body
CREATE FUNCTION one() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql
CREATE TABLE t2 (id int);
-- case: trailing comma in VALUES
INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'),;
-- case: IF NOT EXISTS without an index name
CREATE INDEX CONCURRENTLY IF NOT EXISTS ON t (name);
-- case: DROP INDEX without a name
DROP INDEX CONCURRENTLY;
-- case: unclosed parenthesis
ALTER TABLE t ADD COLUMN x varchar(20;
-- case: two numbers
SELECT 1 2;
-- case: DROP CONSTRAINT without a name
ALTER TABLE t DROP CONSTRAINT;
-- case: CREATE SCHEMA without a name
CREATE SCHEMA;
-- case: TRUNCATE without a table
TRUNCATE TABLE;
-- case: REVOKE ... FORM
REVOKE ALL ON t FORM public;
-- case: double comma between actions
ALTER TABLE t ADD COLUMN x int DEFAULT 0 NOT NULL,, ADD COLUMN y int;
-- case: ALTER COLUMN SET NOT NULL twice NULL
ALTER TABLE t ALTER COLUMN name SET NOT NULL NULL;
-- case: a reserved word as a column name
CREATE TABLE t2 (id int, user text, order int);
-- case: a typo on a later line of a long statement
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    placed_at timestamptz NOT NULL DEFAULT now(),
    total numeric(12, 2) NOT NUL DEFAULT 0
);
-- case: a missing semicolon in a trigger function's body
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now()
  RETURN NEW;
END;
$$;
-- case: WHER in a DO block's UPDATE
DO $$
BEGIN
  IF true THEN
    UPDATE t SET name = 'x' WHER id = 2;
  END IF;
END $$;
-- case: END IF missing in a function body
CREATE OR REPLACE FUNCTION positive(n int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    RETURN true;
  END;
  RETURN false;
END $$;
-- case: a declaration without its semicolon
CREATE FUNCTION counter() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  total int := 0
BEGIN
  RETURN total;
END $$;
-- case: ELSEIF written ELSE IF without its END IF
CREATE FUNCTION sign_of(n int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN RETURN 1;
  ELSE IF n < 0 THEN RETURN -1;
  END IF;
  RETURN 0;
END $$;
-- case: SELEC in a SQL function's body
CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELEC 1 $$;
-- case: a typo on a later line of a SQL function's body
CREATE FUNCTION name_of(x int) RETURNS text AS $body$
  SELECT name
  FROM t WHER id = x
$body$ LANGUAGE sql STABLE;
-- case: NULL and NOT NULL on one column (refused by parse analysis, as a syntax error)
CREATE TABLE typo_nulls (a int NOT NULL NULL);
-- case: two DEFAULTs on one column
CREATE TABLE typo_defaults (a int DEFAULT 1 DEFAULT 2);
-- case: a DEFAULT beside an identity
CREATE TABLE typo_identity (a int GENERATED ALWAYS AS IDENTITY DEFAULT 1);
-- case: a DEFAULT beside a generation expression
CREATE TABLE typo_generated (a int DEFAULT 0 GENERATED ALWAYS AS (b * 2) STORED, b int);
