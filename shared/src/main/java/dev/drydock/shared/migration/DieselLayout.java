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
import java.util.stream.Stream;

/** diesel: one folder per migration, {@code <version>_<desc>/up.sql} and {@code down.sql}, dashes allowed in the version. */
public record DieselLayout() implements Layout {

    private static final Pattern FOLDER = Pattern.compile("(\\d[\\d-]*)_(.+)");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*$");

    @Override
    public String name() {
        return "diesel";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        for (Path path : Listing.flat(dir)) {
            if (Listing.isSql(path)) {
                files.add(LayoutFile.misnamed(path, "diesel runs only <version>_<description>/up.sql; move it into a migration folder"));
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                scanFolder(folder, files);
            }
        }
        return files;
    }

    private void scanFolder(Path folder, List<LayoutFile> files) throws IOException {
        String name = folder.getFileName().toString();
        if (name.startsWith(".")) {
            return;
        }
        Matcher matcher = FOLDER.matcher(name);
        for (Path path : Listing.flat(folder)) {
            if (!Listing.isSql(path)) {
                continue;
            }
            String file = path.getFileName().toString();
            if (!matcher.matches()) {
                files.add(LayoutFile.misnamed(path, "diesel migration folders are named <version>_<description>,"
                        + " e.g. 2024-01-31-120000_add_users"));
            } else if (file.equals("up.sql") || file.equals("down.sql")) {
                LayoutFile.Role role = file.equals("up.sql") ? LayoutFile.Role.FORWARD : LayoutFile.Role.ROLLBACK;
                files.add(new LayoutFile(path, role, matcher.group(1), matcher.group(2), name));
            } else {
                files.add(LayoutFile.misnamed(path, "diesel runs only up.sql and down.sql of a migration folder"));
            }
        }
    }

    @Override
    public Version version(String text) {
        return Version.ofDigits(text);
    }

    @Override
    public Optional<TransactionMode> transactionSetting(Path forwardFile) throws IOException {
        Path metadata = forwardFile.resolveSibling("metadata.toml");
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        boolean off = NO_TRANSACTION.matcher(Files.readString(metadata, StandardCharsets.UTF_8)).find();
        return off ? Optional.of(new TransactionMode(false, "metadata.toml: run_in_transaction = false"))
                : Optional.empty();
    }
}
