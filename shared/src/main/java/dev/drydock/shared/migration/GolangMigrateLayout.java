package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** golang-migrate: {@code <version>_<desc>.up.sql} and {@code <version>_<desc>.down.sql} in one flat folder. */
public record GolangMigrateLayout() implements Layout {

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");

    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        for (Path path : Listing.flat(dir)) {
            if (!Listing.isSql(path)) {
                continue;
            }
            String name = path.getFileName().toString();
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches()) {
                String stem = name.substring(0, name.length() - (matcher.group(3).length() + ".sql".length() + 1));
                LayoutFile.Role role = matcher.group(3).equals("up") ? LayoutFile.Role.FORWARD : LayoutFile.Role.ROLLBACK;
                files.add(new LayoutFile(path, role, matcher.group(1), matcher.group(2), stem));
            } else if (name.matches("\\d+_.*_(up|down)\\.sql")) {
                files.add(LayoutFile.misnamed(path, "golang-migrate expects '.up.sql'/'.down.sql', not '_up.sql'/'_down.sql';"
                        + " it never runs this file"));
            } else {
                files.add(LayoutFile.misnamed(path, "golang-migrate runs only <version>_<description>.up.sql and .down.sql"));
            }
        }
        return files;
    }

    @Override
    public boolean versionsMayRepeat() {
        return true;
    }
}
