CREATE TABLE events (kind TEXT, at TEXT);
INSERT INTO events (kind, at) VALUES ('a', '1'), ('a', '1'), ('b', '2');
DELETE FROM events WHERE rowid NOT IN (SELECT min(rowid) FROM events GROUP BY kind, at);
UPDATE events SET at = '3' WHERE _rowid_ = 1 OR oid = 2;
