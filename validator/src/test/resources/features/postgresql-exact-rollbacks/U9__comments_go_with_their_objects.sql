DROP TABLE notes;
DROP FUNCTION notes_touched();
