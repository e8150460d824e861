package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dbmate: {@code <version>_<desc>.sql} (dbmate takes any name that starts with digits) holding a {@code -- migrate:up} and a {@code -- migrate:down} section. */
public record DbmateLayout() implements Layout {

    private static final Pattern NAME = Pattern.compile("(\\d+)[_-]?(.*)\\.sql");

    @Override
    public String name() {
        return "dbmate";
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
            files.add(matcher.matches()
                    ? new LayoutFile(path, LayoutFile.Role.UP_AND_DOWN, matcher.group(1), matcher.group(2), name)
                    : LayoutFile.misnamed(path, "dbmate runs only <version>_<description>.sql"));
        }
        return files;
    }
}
