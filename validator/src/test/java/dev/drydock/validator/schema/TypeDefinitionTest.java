package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ALTER TYPE applied to an enum's or a composite type's definition, as PostgreSQL 15 applies it. */
class TypeDefinitionTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "as enum ('a', 'b') | ADD VALUE 'c'                      | as enum ('a', 'b', 'c')",
            "as enum ('a', 'b') | ADD VALUE 'c' BEFORE 'b'           | as enum ('a', 'c', 'b')",
            "as enum ('a', 'b') | ADD VALUE IF NOT EXISTS 'c' AFTER 'a' | as enum ('a', 'c', 'b')",
            "as enum ('a', 'b') | ADD VALUE IF NOT EXISTS 'a'        | as enum ('a', 'b')",
            "as enum ('a', 'b') | RENAME VALUE 'b' TO 'x'            | as enum ('a', 'x')",
            "as enum ('a', 'b') | RENAME VALUE 'q' TO 'x'            | null",
            "as enum ('a', 'b') | OWNER TO admin                     | null",
            "as (x int, y text) | ADD ATTRIBUTE z numeric(5,2) CASCADE | as (x int, y text, z numeric (5, 2))",
            "as (x int, y text) | DROP ATTRIBUTE x, ALTER ATTRIBUTE y SET DATA TYPE varchar(9) | as (y varchar (9))",
            "as (x int, y text) | DROP ATTRIBUTE IF EXISTS q         | as (x int, y text)",
            "as (x int, y text) | RENAME ATTRIBUTE x                 | null",
            "as (x int, y text) | RENAME ATTRIBUTE x TO w            | as (w int, y text)",
            "as range (subtype = int4) | RENAME VALUE 'a' TO 'b'     | null",
    })
    void altersAsPostgresqlDoes(String definition, String action, String expected) {
        assertEquals(expected, TypeDefinition.altered(definition, SqlLexer.tokens(Dialect.POSTGRESQL, action)));
    }
}
