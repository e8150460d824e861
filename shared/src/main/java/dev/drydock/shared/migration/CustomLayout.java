package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's own naming, given as regular expressions with named groups {@code version} and
 * {@code description}, matched against each file's path relative to the migrations folder ({@code /}
 * separated). Files that match neither expression are not migrations: the expressions are how a project
 * selects its files (one dialect out of several, say), so nothing else is reported as misnamed.
 */
public record CustomLayout(Pattern forward, Pattern rollback) implements Layout {

    @Override
    public String name() {
        return "custom";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        for (Path path : Listing.recursive(dir)) {
            String relative = dir.relativize(path).toString().replace('\\', '/');
            Matcher up = forward.matcher(relative);
            if (up.matches()) {
                files.add(file(path, LayoutFile.Role.FORWARD, up));
                continue;
            }
            if (rollback != null) {
                Matcher down = rollback.matcher(relative);
                if (down.matches()) {
                    files.add(file(path, LayoutFile.Role.ROLLBACK, down));
                }
            }
        }
        return files;
    }

    /**
     * With a description group, migrations are told apart by version and description, as the runners that
     * track names do (ory/popx, maragudk/migrate); without one, a version names a migration alone.
     */
    @Override
    public boolean versionsMayRepeat() {
        return forward.pattern().contains("(?<description>");
    }

    private LayoutFile file(Path path, LayoutFile.Role role, Matcher matcher) {
        String version = matcher.group("version");
        String description = hasDescription(matcher) ? matcher.group("description") : "";
        return new LayoutFile(path, role, version, description, version(version).canonical() + "\u0000" + description);
    }

    private static boolean hasDescription(Matcher matcher) {
        return matcher.pattern().pattern().contains("(?<description>");
    }
}
