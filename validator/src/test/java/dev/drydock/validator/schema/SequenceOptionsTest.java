package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sequence's options kept as PostgreSQL keeps them, and an ALTER SEQUENCE's judged over them as PostgreSQL 15
 * judges it (each refusal below is the server's message for the same statements).
 */
class SequenceOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "START 1                                                       | ''",
            "START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1    | ''",
            "MINVALUE 5                                                    | minvalue 5",
            "START WITH 5 MINVALUE 5                                       | minvalue 5",
            "START WITH 1 MINVALUE 0                                       | minvalue 0 start 1",
            "AS integer MINVALUE 1 MAXVALUE 2147483647                     | as integer",
            "INCREMENT -1 MAXVALUE -1 MINVALUE -9223372036854775808 START -1 | increment -1",
            "START 1 RESTART WITH 10 CYCLE                                 | cycle",
    })
    void keepsWhatIsNotTheDefault(String options, String canonical) {
        assertEquals(canonical, SequenceOptions.canonical(SqlLexer.tokens(Dialect.POSTGRESQL, options)));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "''              | MINVALUE 10                | START value (1) cannot be less than MINVALUE (10)",
            "''              | MINVALUE 10 START 10       | null",
            "''              | RESTART WITH 0             | RESTART value (0) cannot be less than MINVALUE (1)",
            "''              | INCREMENT BY 0             | INCREMENT must not be zero",
            "minvalue 0      | RESTART WITH 0             | null",
            "maxvalue 100    | RESTART WITH 1000          | RESTART value (1000) cannot be greater than MAXVALUE (100)",
            "maxvalue 100    | NO MAXVALUE RESTART 1000   | null",
            "increment -1    | INCREMENT 1                | null",
            "increment -1    | RESTART WITH 0             | RESTART value (0) cannot be greater than MAXVALUE (-1)",
            "minvalue 0 start 5 | MINVALUE 6              | START value (5) cannot be less than MINVALUE (6)",
            "as integer      | RESTART WITH 3000000000    | RESTART value (3000000000) cannot be greater than MAXVALUE (2147483647)",
    })
    void judgesAnAlterOverTheSequence(String definition, String alter, String refusal) {
        List<SqlToken> merged = SequenceOptions.altered(definition,
                SqlLexer.tokens(Dialect.POSTGRESQL, alter));
        assertEquals(refusal, SequenceOptions.refusal(merged));
    }
}
