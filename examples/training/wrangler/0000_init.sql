CREATE TABLE w (id integer primary key);
