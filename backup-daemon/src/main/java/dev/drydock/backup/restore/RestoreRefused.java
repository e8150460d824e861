package dev.drydock.backup.restore;

/**
 * A restore said no before it touched the target: the archive is damaged, its last verification failed, or it
 * did not restore in the rehearsal. The commands print the message and exit 1.
 */
public final class RestoreRefused extends RuntimeException {

    public RestoreRefused(String message) {
        super(message);
    }
}
