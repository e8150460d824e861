CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL
);

-- Keep notes.updated_at current; the semicolons inside BEGIN ... END belong to the trigger.
ALTER TABLE notes ADD COLUMN updated_at TEXT;
CREATE TRIGGER notes_touch AFTER UPDATE ON notes
BEGIN
    UPDATE notes SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
