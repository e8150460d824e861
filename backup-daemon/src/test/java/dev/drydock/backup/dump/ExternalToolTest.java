package dev.drydock.backup.dump;

import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client tools fail closed: a missing tool is named, a non-zero exit carries its own error output. */
class ExternalToolTest {

    @Test
    void aMissingToolIsNamedWithTheFix() {
        BadInputException e = assertThrows(BadInputException.class, () -> ExternalTool.find("pg_dump_does_not_exist"));
        assertTrue(e.getMessage().startsWith("pg_dump_does_not_exist is not on PATH; install the client tools"), e.getMessage());
    }

    @Test
    void aNonZeroExitIsAnErrorWithTheToolsMessage() {
        ExternalTool sh = ExternalTool.find("sh");
        IOException e = assertThrows(IOException.class, () -> sh.run(List.of("-c", "echo 'pg_dump: error: connection failed' >&2;"
                + " exit 3"), Map.of(), null, new ByteArrayOutputStream()));
        assertEquals("sh exited with code 3: pg_dump: error: connection failed", e.getMessage());
    }

    @Test
    void passesInputEnvironmentAndOutputThrough() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExternalTool.find("sh").run(List.of("-c", "tr a-z A-Z; printf \"$DRYDOCK_TEST_VALUE\""), Map.of("DRYDOCK_TEST_VALUE", "!"),
                new ByteArrayInputStream("dump".getBytes(StandardCharsets.UTF_8)), out);
        assertEquals("DUMP!", out.toString(StandardCharsets.UTF_8));
    }
}
