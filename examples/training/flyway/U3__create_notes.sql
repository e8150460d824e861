DROP TRIGGER notes_touch;
DROP TABLE notes;
