package dev.drydock.migrator.gate;

import dev.drydock.shared.BadInputException;

/**
 * {@code --backup}: {@code auto} (use the newest backup when it is verified, fresh and of the database's migration
 * state, else take one), {@code now} (always take one), {@code skip-with-reason=TEXT} (none; the reason is printed
 * with the run's outcome).
 */
public record BackupMode(String kind, String reason) {

    public static BackupMode parse(String text) {
        if (text.equals("auto") || text.equals("now")) {
            return new BackupMode(text, null);
        }
        if (text.startsWith("skip-with-reason=") && !text.substring("skip-with-reason=".length()).isBlank()) {
            return new BackupMode("skip", text.substring("skip-with-reason=".length()).trim());
        }
        throw new BadInputException("--backup " + text + ": use auto, now or skip-with-reason=TEXT (a reason is"
                + " required to skip the backup)");
    }

    public boolean skip() {
        return kind.equals("skip");
    }
}
