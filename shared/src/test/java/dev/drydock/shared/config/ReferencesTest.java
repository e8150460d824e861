package dev.drydock.shared.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencesTest {

    @TempDir
    Path dir;

    @Test
    void expandsEnvironmentVariablesAndFiles() throws Exception {
        Files.writeString(dir.resolve("pw"), "s3cret\n");
        Path config = dir.resolve("drydock.yaml");
        assertEquals("jdbc:postgresql://db:5432/app",
                References.resolve("jdbc:postgresql://${HOST}:5432/app", "url", config, Map.of("HOST", "db")));
        assertEquals("s3cret", References.resolve("${file:pw}", "password", config, Map.of()));
    }

    @Test
    void aMissingVariableNamesTheKeyButNotAValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> References.resolve("${NOPE}", "environments.prod.password", dir.resolve("drydock.yaml"), Map.of()));
        assertTrue(e.getMessage().contains("environments.prod.password"), e.getMessage());
        assertTrue(e.getMessage().contains("NOPE is not set"), e.getMessage());
    }

    @Test
    void secretsNeverPrintTheirValue() {
        Secret secret = new Secret("literal-password", "password", null);
        assertEquals("****", secret.toString());
        assertFalse(String.valueOf(new Object[] {secret}[0]).contains("literal"));
        assertEquals("literal-password", secret.reveal());
    }
}
