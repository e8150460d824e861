INSERT INTO users (id, email) VALUES (1, 'admin@example.com');
UPDATE users SET email = lower(email) WHERE id = 1;
DELETE FROM users WHERE id = 2;
-- drydock:ignore-file rollback-missing seed data is not rolled back
SELECT count(*) FROM users;
