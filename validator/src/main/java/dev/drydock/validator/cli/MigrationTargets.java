package dev.drydock.validator.cli;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.ConfigLoader;
import dev.drydock.shared.migration.CustomLayout;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.Layout;
import dev.drydock.shared.migration.LayoutDetection;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the command line (config, {@code --dialect}, PATH arguments) into the migration sets to check.
 * A PATH that is a file is reported on alone, but its whole folder is read, as pre-commit runs need.
 */
final class MigrationTargets {

    /** One migrations folder to validate. */
    record Target(MigrationSet set, List<DialectTarget> dialects, Optional<Set<String>> namedFiles, String sumDisplay) {
    }

    private final Path workingDir;
    private final MigrationDiscovery discovery;
    private final Optional<DrydockConfig> config;

    MigrationTargets(Path workingDir, Path configFile) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.discovery = new MigrationDiscovery(this.workingDir);
        this.config = configFile != null ? Optional.of(ConfigLoader.load(resolve(configFile)))
                : ConfigLoader.loadDefault(this.workingDir);
    }

    Optional<DrydockConfig> config() {
        return config;
    }

    List<Target> resolve(List<Path> paths, List<String> dialectOptions) {
        List<DialectTarget> requested = new ArrayList<>();
        for (String option : dialectOptions) {
            requested.add(DialectTarget.parse(option).orElseThrow(() -> new BadInputException("--dialect " + option
                    + ": no such dialect; use postgresql, mysql, mariadb, sqlite or d1, optionally with a version"
                    + " (postgresql:15)")));
        }
        Map<Path, Set<String>> folders = new LinkedHashMap<>();
        Set<Path> wholeFolders = new LinkedHashSet<>();
        if (paths.isEmpty()) {
            Path dir = config.map(c -> c.migrations().dir()).orElseThrow(() -> new BadInputException(
                    "no PATH given and no drydock.yaml in " + workingDir + "; run 'validator db/migrations' or"
                            + " write a drydock.yaml (see 'validator --help')"));
            wholeFolders.add(dir);
        }
        for (Path given : paths) {
            Path path = resolve(given);
            if (Files.isDirectory(path)) {
                wholeFolders.add(path);
            } else if (Files.exists(path)) {
                folders.computeIfAbsent(folderOf(path), k -> new LinkedHashSet<>()).add(discovery.display(path));
            } else {
                throw new BadInputException(given + ": no such file or folder; pass migration files or the"
                        + " migrations folder");
            }
        }
        List<Target> targets = new ArrayList<>();
        for (Path folder : wholeFolders) {
            targets.add(target(folder, requested, Optional.empty()));
            folders.remove(folder);
        }
        folders.forEach((folder, named) -> targets.add(target(folder, requested, Optional.of(named))));
        return targets;
    }

    /** Every folder the PATHs name, for {@code hash}. */
    List<MigrationSet> sets(List<Path> paths) {
        return resolve(paths, List.of()).stream().map(Target::set).toList();
    }

    private Target target(Path folder, List<DialectTarget> requested, Optional<Set<String>> named) {
        Layout layout = layoutFor(folder);
        boolean transactional = config.map(c -> c.migrations().transactional()).orElse(true);
        MigrationSet set = discovery.discover(folder, layout, transactional);
        List<DialectTarget> dialects = !requested.isEmpty() ? requested
                : config.map(c -> c.migrations().dialects()).filter(d -> !d.isEmpty())
                .orElseGet(() -> List.of(DialectTarget.latest(
                        layout.name().equals("wrangler") ? Dialect.D1 : Dialect.POSTGRESQL)));
        return new Target(set, dialects, named, discovery.display(set.sumFile()));
    }

    private Layout layoutFor(Path folder) {
        if (config.isPresent() && folder.equals(config.get().migrations().dir())) {
            var migrations = config.get().migrations();
            if (migrations.layout().equals("custom")) {
                return new CustomLayout(migrations.forward(), migrations.rollback());
            }
            if (!migrations.layout().equals("auto")) {
                return Layout.named(migrations.layout()).orElseThrow();
            }
        }
        return LayoutDetection.detect(folder, discovery.display(folder));
    }

    /**
     * The migrations folder of a file: the configured one when the file is below it, otherwise its own folder
     * (the grandparent for a diesel up.sql/down.sql and a wrangler rollback/).
     */
    private Path folderOf(Path file) {
        if (config.isPresent() && file.startsWith(config.get().migrations().dir())) {
            return config.get().migrations().dir();
        }
        Path parent = file.getParent();
        String name = file.getFileName().toString();
        boolean nested = name.equals("up.sql") || name.equals("down.sql")
                || parent.getFileName() != null && parent.getFileName().toString().equals("rollback");
        return nested && parent.getParent() != null ? parent.getParent() : parent;
    }

    private Path resolve(Path path) {
        return workingDir.resolve(path).toAbsolutePath().normalize();
    }
}
