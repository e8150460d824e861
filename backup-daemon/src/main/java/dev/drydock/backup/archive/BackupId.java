package dev.drydock.backup.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code backup-<env>-YYYY-MM-DD-HHMMSS} (UTC), the name of a backup and, with {@code .zip}, of its archive. */
public record BackupId(String environment, Instant startedAt) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("backup-(.+)-(\\d{4}-\\d{2}-\\d{2}-\\d{6})");

    public BackupId {
        startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Optional<BackupId> parse(String text) {
        String name = text.endsWith(".zip") ? text.substring(0, text.length() - 4) : text;
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant at = STAMP.parse(matcher.group(2), temporal -> java.time.LocalDateTime.from(temporal))
                .toInstant(ZoneOffset.UTC);
        return Optional.of(new BackupId(matcher.group(1), at));
    }

    /** Parses an id given by a person; bad input names the expected form and where to find ids. */
    public static BackupId parseArgument(String text) {
        return parse(text).orElseThrow(() -> new dev.drydock.shared.BadInputException(text
                + ": not a backup id (backup-<env>-YYYY-MM-DD-HHMMSS); 'backup-daemon list' shows them"));
    }

    public String value() {
        return "backup-" + environment + "-" + STAMP.format(startedAt);
    }

    public String archiveName() {
        return value() + ".zip";
    }

    @Override
    public String toString() {
        return value();
    }
}
