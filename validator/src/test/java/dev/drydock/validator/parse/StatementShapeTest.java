package dev.drydock.validator.parse;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementShapeTest {

    private static StatementShape shape(Dialect dialect, String sql) {
        List<SqlToken> tokens = SqlLexer.tokens(dialect, sql).stream().filter(t -> !t.isComment()).toList();
        return StatementShape.of(tokens);
    }

    @Test
    void namesKindAndObjectsWhateverTheParserMakesOfTheRest() {
        assertEquals(new StatementShape("CREATE INDEX", List.of("users_email_idx", "public.users")),
                shape(Dialect.POSTGRESQL, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON public.users"
                        + " USING btree (lower(email)) WHERE deleted_at IS NULL"));
        assertEquals(new StatementShape("DROP TABLE", List.of("a", "b", "Odd Name")),
                shape(Dialect.POSTGRESQL, "DROP TABLE IF EXISTS a, b, \"Odd Name\" CASCADE"));
        assertEquals(new StatementShape("CREATE FUNCTION", List.of("touch")),
                shape(Dialect.POSTGRESQL, "CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN END $$ LANGUAGE plpgsql"));
        assertEquals(new StatementShape("CREATE TRIGGER", List.of("t", "a")),
                shape(Dialect.MYSQL, "CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1"));
        assertEquals(new StatementShape("ALTER DEFAULT PRIVILEGES", List.of()),
                shape(Dialect.POSTGRESQL, "ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT ALL ON TABLES TO app"));
        assertEquals(new StatementShape("CREATE MATERIALIZED VIEW", List.of("mv")),
                shape(Dialect.POSTGRESQL, "CREATE MATERIALIZED VIEW mv AS SELECT 1"));
        assertEquals(new StatementShape("INSERT", List.of("users")), shape(Dialect.SQLITE, "INSERT OR IGNORE INTO users VALUES (1)"));
        assertEquals(new StatementShape("DO", List.of()), shape(Dialect.POSTGRESQL, "DO $$ BEGIN END $$"));
        assertEquals(new StatementShape("COMMENT ON", List.of("users.email")),
                shape(Dialect.POSTGRESQL, "COMMENT ON COLUMN users.email IS 'x'"));
    }

    @Test
    void knowsEachDialectsStatementWords() {
        assertTrue(StatementWords.isKnown(Dialect.POSTGRESQL, "CREATE EXTENSION"));
        assertFalse(StatementWords.isKnown(Dialect.POSTGRESQL, "CREATE TABLEE"));
        assertFalse(StatementWords.isKnown(Dialect.POSTGRESQL, "PRAGMA"));
        assertTrue(StatementWords.isKnown(Dialect.SQLITE, "PRAGMA"));
        assertFalse(StatementWords.isKnown(Dialect.SQLITE, "CREATE FUNCTION"));
        assertFalse(StatementWords.isKnown(Dialect.MARIADB, "DELIMITER"));
        assertTrue(StatementWords.isKnown(Dialect.MYSQL, "CREATE ALGORITHM"));
    }
}
