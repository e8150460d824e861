package dev.drydock.backup.archive;

import dev.drydock.backup.BackupRun;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreRefused;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real archive with bytes flipped, cut and added at random, for a fixed time: the catalog lists it, checksum
 * verification answers (passed or not) instead of throwing, and a restore over a live SQLite database either
 * restores the backup or refuses — the live data is never damaged and nothing is left beside it.
 */
class ArchiveFuzzTest {

    private static final long SECONDS = Long.getLong("drydock.fuzz.seconds.archive", 15);

    @TempDir
    Path dir;

    @Test
    void mutatedArchivesAreReportedNeverRestoredOverLiveData() throws Exception {
        Path live = SqliteFixture.create(Files.createDirectories(dir.resolve("live")), 40);
        String liveData = SqliteFixture.tableChecksum(live, "users");
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(live));
        Path archive = store.fetch(id);
        byte[] pristine = Files.readAllBytes(archive);
        Random random = new Random(29);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int runs = 0;
        int restored = 0;
        while (System.nanoTime() < deadline) {
            Files.write(archive, mutate(pristine, random));
            Files.deleteIfExists(archive.resolveSibling(id.value() + Verification.SUFFIX));
            String what = "run " + runs;
            assertEquals(1, new Catalog(store).entries(Optional.empty()).size(), what);
            try {
                new ChecksumVerifier(store, Clock.systemUTC()).verify(id);
            } catch (IOException | BadInputException e) {
                // a clear refusal: not a zip, no manifest
            } catch (RuntimeException e) {
                fail(what + ": verification threw " + e, e);
            }
            try {
                new Restore(store, Clock.systemUTC(), line -> { }).into(id, RestoreTarget.of("jdbc:sqlite:" + live, null, null),
                        true, Optional.of("fuzz"), dir.resolve("live"), ScratchServers.none());
                restored++;
            } catch (RestoreRefused | IOException | BadInputException e) {
                // refused before touching the live database
            } catch (RuntimeException e) {
                fail(what + ": restore threw " + e, e);
            }
            assertEquals(liveData, SqliteFixture.tableChecksum(live, "users"), what + ": the live data changed");
            try (Stream<Path> left = Files.list(dir.resolve("live"))) {
                List<Path> stray = left.filter(path -> path.getFileName().toString().contains(".restoring")).toList();
                assertTrue(stray.isEmpty(), what + ": left behind " + stray);
            }
            runs++;
        }
        System.out.println("archive fuzz: " + runs + " mutated archives, " + restored + " restored whole, in " + SECONDS + " s");
        assertTrue(runs > 50, "the fuzzer ran only " + runs + " times");
    }

    private static byte[] mutate(byte[] pristine, Random random) {
        byte[] bytes = pristine.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = Arrays.copyOf(bytes, Math.max(1, at));
                case 2 -> {
                    // the end of a zip (its central directory) is where a flip changes what the archive says
                    int tail = Math.max(0, bytes.length - 1 - random.nextInt(Math.min(bytes.length, 200)));
                    bytes[tail] ^= (byte) (1 << random.nextInt(8));
                }
                default -> {
                    byte[] junk = new byte[16];
                    random.nextBytes(junk);
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + junk.length);
                    System.arraycopy(junk, 0, longer, bytes.length, junk.length);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
