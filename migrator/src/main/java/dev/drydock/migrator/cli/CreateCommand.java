package dev.drydock.migrator.cli;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.SumFile;
import dev.drydock.shared.migration.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * {@code migrator create NAME}: a forward migration and its rollback, named as the layout expects with the next
 * version, and {@code migrations.sum} rewritten to include them.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates a forward migration and its rollback with the next version, and updates migrations.sum.",
        footerHeading = "%nExamples:%n", footer = {"  migrator create add_email_to_users"})
final class CreateCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @ParentCommand
    MigratorCommand parent;

    @Parameters(paramLabel = "NAME", description = "What the migration does, in words joined by underscores.")
    String name;

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new BadInputException("migration name '" + name + "': use letters, digits and underscores");
        }
        DrydockConfig config = parent.loadConfig();
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        Path dir = set.dir();
        String layout = set.layout().name();
        String forwardSql = "-- " + name.replace('_', ' ') + "\n";
        String rollbackSql = "-- undoes " + name.replace('_', ' ') + "\n";
        Path forward;
        Path rollback;
        switch (layout) {
            case "flyway" -> {
                String version = nextInteger(set, 0);
                forward = dir.resolve("V" + version + "__" + name + ".sql");
                rollback = dir.resolve("U" + version + "__" + name + ".sql");
            }
            case "golang-migrate" -> {
                String version = usesTimestamps(set) ? stamp() : nextInteger(set, width(set));
                forward = dir.resolve(version + "_" + name + ".up.sql");
                rollback = dir.resolve(version + "_" + name + ".down.sql");
            }
            case "wrangler" -> {
                String version = nextInteger(set, 4);
                forward = dir.resolve(version + "_" + name + ".sql");
                rollback = dir.resolve("rollback").resolve(version + "_" + name + ".sql");
            }
            case "diesel" -> {
                Path folder = dir.resolve(LocalDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")) + "_" + name);
                forward = folder.resolve("up.sql");
                rollback = folder.resolve("down.sql");
            }
            case "dbmate" -> {
                forward = dir.resolve(stamp() + "_" + name + ".sql");
                rollback = null;
                forwardSql = "-- migrate:up\n" + forwardSql + "\n-- migrate:down\n" + rollbackSql;
            }
            case "drizzle" -> throw new BadInputException("migrator create does not write drizzle migrations:"
                    + " 'drizzle-kit generate' writes them with their journal entry; add the rollback as rollback/"
                    + "<the same name>.sql");
            default -> throw new BadInputException("migrator create cannot name files for the " + layout
                    + " layout; write them by hand as migrations.forward and migrations.rollback say");
        }
        write(forward, forwardSql);
        if (rollback != null) {
            write(rollback, rollbackSql);
        }
        // the new pair is a draft: it may be edited until 'validator hash' records it; the history stays as recorded
        String relative = set.dir().relativize(forward).toString().replace('\\', '/');
        SumFile recorded = SumFile.read(set.sumFile(), discovery.display(set.sumFile())).orElseGet(() -> SumFile.of(set));
        recorded.withDraft(migrationId(discovery, config, forward), relative, rollback != null).write(set.sumFile());
        System.out.println("created " + discovery.display(forward) + (rollback == null ? "" : " and "
                + discovery.display(rollback)) + "; updated " + discovery.display(set.sumFile()));
        return 0;
    }

    /** The id discovery gives the migration whose forward file was just written. */
    private static String migrationId(MigrationDiscovery discovery, DrydockConfig config, Path forward) {
        Path written = forward.toAbsolutePath().normalize();
        return discovery.discover(config.migrations()).migrations().stream()
                .filter(migration -> migration.forward().file().path().toAbsolutePath().normalize().equals(written))
                .map(Migration::id).findFirst()
                .orElseThrow(() -> new BadInputException(forward + " was written but the layout does not read it as a"
                        + " migration; check migrations.layout"));
    }

    private static void write(Path file, String text) throws java.io.IOException {
        if (Files.exists(file)) {
            throw new BadInputException(file + " already exists");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** One above the highest major version, zero-padded to {@code width}. */
    private static String nextInteger(MigrationSet set, int width) {
        BigInteger highest = set.migrations().stream().flatMap(m -> m.version().stream())
                .map(v -> v.parts().get(0)).max(BigInteger::compareTo).orElse(BigInteger.ZERO);
        String next = highest.add(BigInteger.ONE).toString();
        return width > next.length() ? "0".repeat(width - next.length()) + next : next;
    }

    private static boolean usesTimestamps(MigrationSet set) {
        return set.migrations().stream().flatMap(m -> m.version().stream()).map(Version::text)
                .anyMatch(text -> text.length() >= 10);
    }

    private static int width(MigrationSet set) {
        return set.migrations().stream().map(Migration::forward).map(s -> s.file().path().getFileName().toString())
                .mapToInt(file -> file.indexOf('_')).max().orElse(6);
    }

    private static String stamp() {
        return LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    }
}
