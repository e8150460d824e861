package dev.drydock.shared.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shipped example config, mutated at random for a fixed time: loading it (and revealing its credentials)
 * either works or ends in one {@link ConfigException}; nothing else escapes, and the secret the config reads
 * from a file is never part of a message. The seed is fixed, so a failure names an input that reproduces it.
 */
class ConfigFuzzTest {

    private static final long SECONDS = Long.getLong("drydock.fuzz.seconds.config", 8);
    private static final String SECRET = "FuzzS3cretValue";
    private static final List<String> FRAGMENTS = List.of(":", " ", "\n", "  ", "- ", "{", "}", "[", "]", "'", "\"", "#",
            "---\n", "&a ", "*a", "!!binary ", "${", "}", "${file:secret}", "${HOME}", "${file:/dev/zero}", "\t", "\u0000",
            "99999999999999999999", "-1", "s3://", "file:", "jdbc:sqlite:", "maxAge: ", "port: ", "url: ", "dir: ",
            "password: \"${file:secret}\"", "x".repeat(10_000));

    @TempDir
    Path dir;

    @Test
    void mutatedConfigsLoadOrSayWhatIsWrong() throws Exception {
        Files.writeString(dir.resolve("secret"), SECRET + "\n");
        String seed = Files.readString(Path.of(System.getProperty("drydock.root"), "ops", "drydock.example.yaml"))
                .replace("environments:\n", "environments:\n  fuzz: { url: \"jdbc:sqlite:./fuzz.db\", password: \"${file:secret}\" }\n");
        Random random = new Random(1129);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int runs = 0;
        int loaded = 0;
        while (System.nanoTime() < deadline) {
            String text = mutate(seed, random);
            Path file = dir.resolve("drydock.yaml");
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            try {
                DrydockConfig config = ConfigLoader.load(file);
                for (EnvironmentConfig environment : config.environments().values()) {
                    environment.revealPassword();
                    environment.url();
                }
                loaded++;
            } catch (ConfigException e) {
                assertFalse(e.getMessage().contains(SECRET), "run " + runs + ": the secret in a message:\n" + text);
            } catch (RuntimeException e) {
                fail("run " + runs + ": " + e + " for:\n" + text, e);
            }
            runs++;
        }
        System.out.println("config fuzz: " + runs + " mutated configs, " + loaded + " loaded, in " + SECONDS + " s");
        assertTrue(runs > 100 && loaded > 0, runs + " runs, " + loaded + " loaded");
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
                case 1 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(80))));
                default -> text.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
        }
        return text.toString();
    }
}
