-- MariaDB judges an ALTER TABLE as a whole: a column may be dropped before the foreign key on it in one statement.
CREATE TABLE owners (id int PRIMARY KEY, code int, UNIQUE KEY (code));
CREATE TABLE pets (id int PRIMARY KEY, owner_id int, owner_code int, note int,
    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id),
    CONSTRAINT pets_code_fk FOREIGN KEY (owner_code) REFERENCES owners (code));
ALTER TABLE pets DROP COLUMN note;
ALTER TABLE pets DROP COLUMN owner_id, DROP FOREIGN KEY pets_owner_fk;
ALTER TABLE pets DROP FOREIGN KEY pets_code_fk;
ALTER TABLE pets DROP COLUMN owner_code;
ALTER TABLE owners DROP COLUMN code;
