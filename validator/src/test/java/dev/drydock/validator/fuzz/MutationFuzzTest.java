package dev.drydock.validator.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.testing.Corpora;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real migrations from the corpora, mutated at random (bytes flipped, cut, repeated; quotes, comment openers,
 * dollar tags, control characters, invalid UTF-8, a long literal and a connection string with a password put in),
 * validated in every dialect and report format for a fixed time. Whatever the input: exit 0, 1 or 2, never a stack
 * trace, reports that parse (JSON, SARIF, JUnit XML), no terminal escape in text, and the password never printed.
 * The seed is fixed, so a failure names an input that reproduces it.
 */
class MutationFuzzTest {

    private static final long SECONDS = Long.getLong("drydock.fuzz.seconds", 25);
    private static final String SECRET = "FuzzS3cretValue";
    private static final List<String> FRAGMENTS = List.of("'", "\"", "`", "$$", "$tag$", "/*", "*/", "--", ";", "\n",
            "BEGIN;", "COMMIT;", "END", "DELIMITER $$\n", "\\", "\u0000", "\u001b[2J", "\u0007", "(", ")", "CREATE TABLE",
            "DROP TABLE users;", "ALTER TABLE users ADD COLUMN", "COPY t FROM stdin;\n", "\\.\n", "日本語",
            "'postgres://app:" + SECRET + "@db/app'", "-- drydock:irreversible\n", "'" + "ab12".repeat(25_000) + "'");
    private static final List<String> DIALECTS = List.of("postgresql", "mysql", "mariadb", "sqlite", "d1");
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "github");

    @TempDir
    Path dir;

    @Test
    void mutatedMigrationsNeverCrashLeakOrBreakAReport() throws Exception {
        List<Path> seeds = seeds();
        Random random = new Random(20261129);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < deadline) {
            Path folder = Files.createDirectories(dir.resolve("run" + runs));
            byte[] forward = mutate(Files.readAllBytes(seeds.get(random.nextInt(seeds.size()))), random);
            byte[] rollback = mutate(Files.readAllBytes(seeds.get(random.nextInt(seeds.size()))), random);
            Files.write(folder.resolve("V1__fuzz.sql"), forward);
            Files.write(folder.resolve("U1__fuzz.sql"), rollback);
            String dialect = DIALECTS.get(random.nextInt(DIALECTS.size()));
            String format = FORMATS.get(random.nextInt(FORMATS.size()));
            CliRun run = CliRun.of("--dialect", dialect, "--format", format, folder.toString());
            boolean secretOnlyInLiterals = onlyInLiterals(forward) && onlyInLiterals(rollback);
            check(run, format, secretOnlyInLiterals, "run " + runs + " (" + dialect + ", " + format + ")");
            deleteTree(folder);
            runs++;
        }
        System.out.println("validator fuzz: " + runs + " mutated migration pairs in " + SECONDS + " s");
        assertTrue(runs > 100, "the fuzzer ran only " + runs + " times");
    }

    /**
     * Whether every copy of the password in the input still stands inside its intact string literal. A mutation that
     * breaks the quotes makes it a bare word, which a syntax error may quote like any other token.
     */
    private static boolean onlyInLiterals(byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        String literal = "'postgres://app:" + SECRET + "@db/app'";
        return text.split(java.util.regex.Pattern.quote(SECRET), -1).length
                == text.split(java.util.regex.Pattern.quote(literal), -1).length;
    }

    private static void check(CliRun run, String format, boolean secretOnlyInLiterals, String what) throws Exception {
        if (run.exit() < 0 || run.exit() > 2) {
            fail(what + ": exit " + run.exit() + "\n" + run.err());
        }
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), what + ": " + run.err());
        String printed = run.out() + run.err();
        int leak = printed.indexOf(SECRET);
        assertFalse(secretOnlyInLiterals && leak >= 0, () -> what + ": the password was printed: ..."
                + printed.substring(Math.max(0, leak - 300), Math.min(printed.length(), leak + 100)));
        if (run.exit() == 2) {
            return; // bad input: one line on stderr, no report
        }
        switch (format) {
            case "json", "sarif" -> new ObjectMapper().readTree(run.out());
            case "junit" -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
            default -> assertFalse(run.out().contains("\u001b"), what + ": a terminal escape in the report");
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(seed);
        byte[] bytes = out.toByteArray();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            bytes = switch (random.nextInt(6)) {
                case 0 -> flip(bytes, at, random);
                case 1 -> cut(bytes, at, Math.min(bytes.length, at + random.nextInt(200)));
                case 2 -> insert(bytes, at, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + random.nextInt(400))));
                case 3 -> insert(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // invalid UTF-8
                default -> insert(bytes, at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, Random random) {
        if (bytes.length > 0) {
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static byte[] cut(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** Up to 300 SQL files of the corpora, small ones first so that a run is quick. */
    private static List<Path> seeds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Corpora.root())) {
            all.filter(path -> path.toString().endsWith(".sql")).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(MutationFuzzTest::size).thenComparing(Path::toString));
        List<Path> picked = files.subList(0, Math.min(files.size(), 1_500));
        List<Path> seeds = new ArrayList<>();
        for (int i = 0; i < picked.size(); i += Math.max(1, picked.size() / 300)) {
            seeds.add(picked.get(i));
        }
        return seeds;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
