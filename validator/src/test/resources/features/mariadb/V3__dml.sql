INSERT IGNORE INTO authors (name, email) VALUES ('Ann', 'ann@example.com');
INSERT INTO authors (name, email) VALUES ('Bob', 'bob@example.com') ON DUPLICATE KEY UPDATE name = VALUES(name);
REPLACE INTO authors (id, name) VALUES (10, 'Cy');
UPDATE titles t JOIN authors a ON a.id = t.author_id SET t.title = CONCAT(a.name, ': ', t.title) WHERE a.id = 10;
DELETE t FROM titles t LEFT JOIN authors a ON a.id = t.author_id WHERE a.id IS NULL;
UPDATE authors SET bio = IFNULL(bio, '') WHERE id > 0;
INSERT INTO titles (author_id, title) SELECT id, CONCAT('Intro by ', name) FROM authors WHERE email LIKE '%@example.com';
UPDATE titles SET updated_at = NOW() WHERE created_at < DATE_SUB(NOW(), INTERVAL 1 YEAR);
