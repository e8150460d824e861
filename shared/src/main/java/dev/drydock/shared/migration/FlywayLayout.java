package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<version>__<desc>.sql}, {@code U<version>__<desc>.sql} (undo), {@code R__<desc>.sql}
 * (repeatable), searched in sub-folders too. A version is numbers joined by dots or underscores.
 */
public record FlywayLayout() implements Layout {

    private static final Pattern NAME = Pattern.compile("([VUR])(.*?)__(.+)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern CALLBACK = Pattern.compile("(before|after)[A-Za-z]*(__.*)?\\.sql");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        for (Path path : Listing.recursive(dir)) {
            String name = path.getFileName().toString();
            if (!Listing.isSql(path) || CALLBACK.matcher(name).matches()) {
                continue;
            }
            files.add(classify(path, name));
        }
        return files;
    }

    private LayoutFile classify(Path path, String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches() || !Character.isUpperCase(name.charAt(0))) {
            return LayoutFile.misnamed(path, name.matches("[VU]\\d[^_]*_[^_].*")
                    ? "Flyway needs two underscores between version and description (V1__name.sql)"
                    : "Flyway runs only V<version>__<description>.sql, U<version>__… and R__… files");
        }
        String prefix = matcher.group(1);
        String version = matcher.group(2);
        String description = matcher.group(3).replace('_', ' ');
        if (prefix.equals("R")) {
            return version.isEmpty()
                    ? new LayoutFile(path, LayoutFile.Role.REPEATABLE, null, description, "R:" + description)
                    : LayoutFile.misnamed(path, "a repeatable migration has no version: R__" + matcher.group(3) + ".sql");
        }
        if (!VERSION.matcher(version).matches()) {
            return LayoutFile.misnamed(path, "'" + version + "' is not a Flyway version (numbers joined by '.' or '_')");
        }
        LayoutFile.Role role = prefix.equals("V") ? LayoutFile.Role.FORWARD : LayoutFile.Role.ROLLBACK;
        return new LayoutFile(path, role, version, description, version(version).canonical());
    }

    @Override
    public Optional<TransactionMode> transactionSetting(Path forwardFile) throws IOException {
        Path conf = forwardFile.resolveSibling(forwardFile.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return Optional.empty();
        }
        boolean off = NO_TRANSACTION.matcher(Files.readString(conf, StandardCharsets.UTF_8)).find();
        return off ? Optional.of(new TransactionMode(false, conf.getFileName() + ": executeInTransaction=false"))
                : Optional.empty();
    }
}
