package dev.drydock.migrator.lock;

/** Another migrator held the database's lock for longer than the run would wait: exit code 3. */
public final class LockTimeout extends RuntimeException {

    public LockTimeout(String message) {
        super(message);
    }
}
