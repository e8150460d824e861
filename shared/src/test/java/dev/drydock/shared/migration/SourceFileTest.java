package dev.drydock.shared.migration;

import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SourceFile.read(dir.resolve("V1__gone.sql"), "db/V1__gone.sql").text());
        assertEquals("db/V1__gone.sql: cannot read the file (no such file); check that it exists and that this user"
                + " may read it", e.getMessage());
    }

    @Test
    void mentionsSearchesTheRawBytes() {
        SourceFile file = SourceFile.ofText(dir.resolve("x.sql"), "x.sql", "-- drydock:irreversible ok\nSELECT 1;");
        assertTrue(file.mentions("drydock:irreversible"));
        assertTrue(!file.mentions("drydock:no-transaction"));
    }
}
