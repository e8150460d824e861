package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloudflare D1 with wrangler: {@code NNNN_<desc>.sql}, tracked by file name in {@code d1_migrations}. Wrangler 4
 * orders them by the number their name starts with (its {@code parseInt} of the part before the first underscore,
 * so a placeholder {@code 000X_name.sql} is number 0), and files sharing a number by name. Rollbacks live in a
 * {@code rollback/} sub-folder under the same name, where wrangler never looks.
 */
public record WranglerLayout() implements Layout {

    static final String ROLLBACK_FOLDER = "rollback";
    private static final Pattern NAME = Pattern.compile("(\\d+)[^_]*(?:_(.*))?\\.sql");

    @Override
    public String name() {
        return "wrangler";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        classify(Listing.flat(dir), LayoutFile.Role.FORWARD, files);
        Path rollbacks = dir.resolve(ROLLBACK_FOLDER);
        if (Files.isDirectory(rollbacks)) {
            classify(Listing.flat(rollbacks), LayoutFile.Role.ROLLBACK, files);
        }
        return files;
    }

    private static void classify(List<Path> paths, LayoutFile.Role role, List<LayoutFile> files) {
        for (Path path : paths) {
            if (!Listing.isSql(path)) {
                continue;
            }
            String name = path.getFileName().toString();
            Matcher matcher = NAME.matcher(name);
            files.add(matcher.matches()
                    ? new LayoutFile(path, role, matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2), name)
                    : LayoutFile.misnamed(path, "its name does not start with a number, so wrangler applies it after"
                            + " every numbered migration; name it NNNN_<description>.sql (as 'wrangler d1 migrations"
                            + " create' writes them)"));
        }
    }

    @Override
    public boolean versionsMayRepeat() {
        return true;
    }
}
