package dev.drydock.validator.statement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The functions a PostgreSQL database has before any migration runs: PostgreSQL's own (15, and those 16 to 18
 * added), and what each extension PostgreSQL ships brings with it. Read once from the two lists beside this class.
 */
public final class PostgresFunctions {

    private static final Set<String> BUILT_IN = Set.copyOf(read("postgresql-functions.txt", null));
    private static final Map<String, Set<String>> OF_EXTENSION = extensions();
    private static final Set<String> OF_ANY_EXTENSION = OF_EXTENSION.values().stream()
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private PostgresFunctions() {
    }

    /** Whether {@code name} (lower case, unqualified) is one of PostgreSQL's own functions. */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    /** Whether {@code name} is a function of an extension PostgreSQL ships, whichever that is. */
    public static boolean isOfShippedExtension(String name) {
        return OF_ANY_EXTENSION.contains(name);
    }

    /** Whether PostgreSQL ships the extension {@code name}, so that its functions are all known. */
    public static boolean isShippedExtension(String name) {
        return OF_EXTENSION.containsKey(name);
    }

    /**
     * PostgreSQL's own function whose name is within two edits of {@code name} (one, for a name of four letters or
     * fewer, which two edits make almost any other short name), or null when none or several are.
     */
    public static String closestBuiltIn(String name) {
        String closest = null;
        int best = name.length() <= 4 ? 2 : 3; // one more than the farthest a suggestion may be
        for (String candidate : BUILT_IN) {
            if (Math.abs(candidate.length() - name.length()) > best) {
                continue;
            }
            int distance = distance(name, candidate, best + 1); // exact up to best, so that a tie is one
            if (distance < best) {
                best = distance;
                closest = candidate;
            } else if (distance == best) {
                closest = null;
            }
        }
        return closest;
    }

    /** Levenshtein's distance, or {@code limit} when it is at least that. */
    private static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowBest = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowBest = Math.min(rowBest, current[j]);
            }
            if (rowBest >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }

    private static Map<String, Set<String>> extensions() {
        Map<String, Set<String>> functions = new HashMap<>();
        read("postgresql-extension-functions.txt", functions);
        return Map.copyOf(functions);
    }

    /** The names of a list; with {@code byExtension}, each line is {@code extension: name name ...}. */
    private static Set<String> read(String resource, Map<String, Set<String>> byExtension) {
        Set<String> names = new HashSet<>();
        try (InputStream in = PostgresFunctions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the validator's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (byExtension == null) {
                    names.add(line.trim());
                } else {
                    int colon = line.indexOf(':');
                    byExtension.put(line.substring(0, colon).trim(),
                            Set.copyOf(Arrays.asList(line.substring(colon + 1).trim().split("\\s+"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
