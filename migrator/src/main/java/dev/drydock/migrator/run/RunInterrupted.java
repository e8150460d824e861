package dev.drydock.migrator.run;

/**
 * The run could not go on safely — the migration lock or the connection to the database was lost — and stopped
 * (exit 3). The message says what to look at; the history says what was applied.
 */
public final class RunInterrupted extends RuntimeException {

    public RunInterrupted(String message) {
        super(message);
    }
}
