-- Arrays: the commas inside ARRAY[...] and subscripts separate no columns, values or actions.
CREATE TABLE board (id int, name text, cols text[] DEFAULT ARRAY['id', 'name'], grid int[][] DEFAULT '{{1,2},{3,4}}');
ALTER TABLE board ADD COLUMN roles text[] NOT NULL DEFAULT ARRAY['admin', 'user'], ADD COLUMN z int;
INSERT INTO board (id, cols) VALUES (1, ARRAY['a', 'b']);
UPDATE board SET cols = ARRAY['x', 'y'], name = 'n' WHERE id = 1;
UPDATE board SET grid[1][2] = 5, name = 'q';
INSERT INTO board (id, grid) VALUES (2, ARRAY[[1, 2], [3, 4]]);
INSERT INTO board (id, name, roles) VALUES (3, (ARRAY['p', 'q'])[1], ARRAY['r']);
