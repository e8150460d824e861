package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Lists the regular files of a migrations folder in a stable order, leaving out hidden files and migrations.sum. */
final class Listing {

    static final String SUM_FILE = "migrations.sum";

    private Listing() {
    }

    static List<Path> flat(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Listing::isCandidate).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    static List<Path> recursive(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> isCandidate(path) && !hiddenBelow(dir, path))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    static boolean isSql(Path path) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
    }

    private static boolean isCandidate(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && !name.startsWith(".") && !name.equals(SUM_FILE);
    }

    private static boolean hiddenBelow(Path dir, Path path) {
        for (Path part : dir.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
