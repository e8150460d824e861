package dev.drydock.backup.archive;

import java.util.List;

/**
 * {@code <id>.verify.json}, kept beside the archive: the level ({@code checksum} or {@code restore}), the
 * outcome, when, what was compared, and what did not match.
 */
public record Verification(String level, boolean passed, String verifiedAt, List<String> compared,
                           List<String> problems) {

    public static final String SUFFIX = ".verify.json";
}
