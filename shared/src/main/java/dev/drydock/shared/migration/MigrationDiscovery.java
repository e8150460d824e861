package dev.drydock.shared.migration;

import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a migrations folder of any layout into one ordered {@link MigrationSet}: versions read and ordered
 * by the runner's rules, forwards paired with rollbacks, transaction settings read, checksums taken.
 */
public final class MigrationDiscovery {

    private static final Pattern NO_TRANSACTION_LINE = Pattern.compile("(?m)^\\s*--\\s*drydock:no-transaction\\b");
    private static final String NO_TRANSACTION_MARK = "drydock:no-transaction";

    private final Path workingDir;

    /** @param workingDir reports name files relative to it */
    public MigrationDiscovery(Path workingDir) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The set the config's {@code migrations:} section describes, with its layout resolved (detected for auto). */
    public MigrationSet discover(dev.drydock.shared.config.MigrationsConfig config) {
        Layout layout = switch (config.layout()) {
            case "custom" -> new CustomLayout(config.forward(), config.rollback());
            case "auto" -> LayoutDetection.detect(config.dir(), display(config.dir()));
            default -> Layout.named(config.layout()).orElseThrow();
        };
        return discover(config.dir(), layout, config.transactional());
    }

    public MigrationSet discover(Path dir, Layout layout, boolean transactionalByDefault) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(display(folder) + ": the migrations folder does not exist; create it or"
                    + " point migrations.dir (or the PATH argument) at the folder that holds the migrations");
        }
        List<LayoutFile> files;
        try {
            files = layout.scan(folder);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(display(folder) + ": cannot list the migrations folder (" + e.getMessage() + ")");
        }
        return assemble(folder, layout, files, transactionalByDefault);
    }

    private MigrationSet assemble(Path dir, Layout layout, List<LayoutFile> files, boolean transactionalByDefault) {
        Map<String, LayoutFile> rollbacks = new LinkedHashMap<>();
        List<LayoutFile> forwards = new ArrayList<>();
        List<MisnamedFile> misnamed = new ArrayList<>();
        for (LayoutFile file : files) {
            switch (file.role()) {
                case ROLLBACK -> rollbacks.put(file.pairKey(), file);
                case MISNAMED -> misnamed.add(new MisnamedFile(read(file.path()), file.description()));
                default -> forwards.add(file);
            }
        }
        Map<String, Integer> versionCounts = new HashMap<>();
        for (LayoutFile file : forwards) {
            if (file.version() != null) {
                versionCounts.merge(layout.version(file.version()).canonical(), 1, Integer::sum);
            }
        }
        List<Migration> migrations = new ArrayList<>();
        Map<Path, SourceFile> sources = new HashMap<>();
        Map<Path, LiquibaseChangelog> changelogs = new HashMap<>();
        for (LayoutFile file : forwards) {
            SourceFile source = sources.computeIfAbsent(file.path(), this::read);
            migrations.add(file.role() == LayoutFile.Role.CHANGESET
                    ? changeset(layout, file, source, changelogs.computeIfAbsent(file.path(),
                            path -> LiquibaseChangelog.parse(source.text())), transactionalByDefault)
                    : migration(layout, file, source, rollbacks.remove(file.pairKey()), versionCounts,
                            transactionalByDefault));
        }
        migrations.sort(ORDER);
        List<Script> orphans = rollbacks.values().stream().map(file -> Script.wholeFile(read(file.path()))).toList();
        return new MigrationSet(dir, layout, migrations, orphans, misnamed);
    }

    private Migration migration(Layout layout, LayoutFile file, SourceFile source, LayoutFile rollbackFile,
                                Map<String, Integer> versionCounts, boolean transactionalByDefault) {
        Script forward;
        Optional<Script> rollback;
        TransactionMode byDefault = TransactionMode.byDefault(transactionalByDefault);
        if (file.role() == LayoutFile.Role.UP_AND_DOWN) {
            DbmateSections sections = DbmateSections.of(source.text());
            forward = section(source, sections.up());
            rollback = sections.down().map(down -> section(source, down));
            if (!sections.upInTransaction()) {
                byDefault = new TransactionMode(false, "-- migrate:up transaction:false");
            }
        } else {
            forward = Script.wholeFile(source);
            rollback = Optional.ofNullable(rollbackFile).map(r -> Script.wholeFile(read(r.path())));
        }
        TransactionMode fallback = byDefault;
        Supplier<TransactionMode> transaction = memoized(() ->
                transactionSetting(layout, file.path(), source).orElse(fallback));
        Optional<Version> version = Optional.ofNullable(file.version()).map(layout::version);
        String id = version.map(v -> idOf(layout, v, file, versionCounts)).orElse("R__" + file.description());
        return new Migration(id, version, file.description(), forward, rollback, transaction);
    }

    /**
     * A Liquibase changeset: its section of the changelog, its rollback (the changelog with all but the rollback
     * SQL blanked, so positions stay the file's), and its {@code runInTransaction}, {@code splitStatements} and
     * {@code endDelimiter} as Liquibase honours them.
     */
    private Migration changeset(Layout layout, LayoutFile file, SourceFile source, LiquibaseChangelog changelog,
                                boolean transactionalByDefault) {
        LiquibaseChangelog.Changeset changeset = changelog.changesets().stream()
                .filter(c -> (c.author() + ":" + c.id()).equals(file.pairKey())).findFirst().orElseThrow();
        String delimiter = !changeset.flag("splitStatements") ? "" : changeset.attribute("endDelimiter").orElse(null);
        Script forward = new Script(source, new Script.Section(changeset.from(), changeset.to()), delimiter);
        Optional<Script> rollback = LiquibaseChangelog.hasRollback(source.text(), changeset)
                ? Optional.of(new Script(SourceFile.ofText(source.path(), source.displayPath(),
                        LiquibaseChangelog.rollbackText(source.text(), changeset)),
                        LiquibaseChangelog.rollbackSection(changeset), delimiter))
                : Optional.empty();
        TransactionMode mode = changeset.attribute("runInTransaction").isPresent()
                ? new TransactionMode(changeset.flag("runInTransaction"), "--changeset runInTransaction:"
                        + changeset.attribute("runInTransaction").get())
                : TransactionMode.byDefault(transactionalByDefault);
        Version version = layout.version(file.version());
        return new Migration(version.canonical(), Optional.of(version), file.description(), forward, rollback,
                () -> mode);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static String idOf(Layout layout, Version version, LayoutFile file, Map<String, Integer> versionCounts) {
        boolean shared = versionCounts.getOrDefault(version.canonical(), 0) > 1;
        if (shared && layout.versionsMayRepeat()) {
            String name = file.path().getFileName().toString();
            return name.replaceFirst("(\\.up)?\\.sql$", "");
        }
        return layout instanceof DieselLayout ? version.text().replace("-", "") : version.canonical();
    }

    private static Script section(SourceFile source, Script.Section section) {
        return new Script(source, section);
    }

    private Optional<TransactionMode> transactionSetting(Layout layout, Path path, SourceFile source) {
        try {
            Optional<TransactionMode> beside = layout.transactionSetting(path);
            if (beside.isPresent()) {
                return beside;
            }
        } catch (IOException e) {
            throw new BadInputException(display(path) + ": cannot read its transaction setting (" + e.getMessage() + ")");
        }
        if (source.mentions(NO_TRANSACTION_MARK) && NO_TRANSACTION_LINE.matcher(source.text()).find()) {
            return Optional.of(new TransactionMode(false, "-- drydock:no-transaction"));
        }
        return Optional.empty();
    }

    private SourceFile read(Path path) {
        return SourceFile.read(path, display(path));
    }

    /** How reports name a path: relative to the working folder when below it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDir) ? workingDir.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** Versioned migrations by version (a shared number by file name), then repeatables by description. */
    public static final Comparator<Migration> ORDER = Comparator
            .comparing((Migration m) -> m.version().isEmpty())
            .thenComparing((a, b) -> a.version().isPresent() && b.version().isPresent()
                    ? a.version().get().compareTo(b.version().get()) : 0)
            .thenComparing(m -> m.forward().file().path().getFileName().toString())
            .thenComparing(Migration::description);
}
