-- Partitioned tables and inheritance children: what reaches a child through its parent.
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2021 PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01') PARTITION BY LIST (kind);
CREATE TABLE events_2021_a PARTITION OF events_2021 FOR VALUES IN ('a');
CREATE TABLE events_2022 (id bigint NOT NULL, at date NOT NULL, kind text);
ALTER TABLE events ATTACH PARTITION events_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
ALTER TABLE events ADD COLUMN source text;
ALTER TABLE events RENAME COLUMN kind TO category;
INSERT INTO events_2021_a (id, at, category, source) VALUES (1, '2021-02-02', 'a', 's');
UPDATE events_2022 SET source = 'x' WHERE category = 'b';
ALTER TABLE events DETACH PARTITION events_2022;
DROP TABLE events;
-- the detached partition is a table of its own; the others went with their parent
INSERT INTO events_2022 (id, at, category) VALUES (2, '2022-03-03', 'c');
CREATE TABLE events_2021 (id bigint);
CREATE TABLE base (id int);
CREATE TABLE derived (extra int) INHERITS (base);
ALTER TABLE base ADD COLUMN note text;
DROP TABLE base CASCADE;
CREATE TABLE derived (id int);
