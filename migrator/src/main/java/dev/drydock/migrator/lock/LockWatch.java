package dev.drydock.migrator.lock;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Before each migration Flyway applies, checks that this command still holds its {@link ServerLock}; a lost lock
 * stops the run before the migration starts. The lock is taken after Flyway is configured, hence {@link #watch}.
 */
public final class LockWatch implements Callback {

    private ServerLock lock;

    public void watch(ServerLock held) {
        this.lock = held;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (lock != null) {
            lock.checkHeld();
        }
    }

    @Override
    public String getCallbackName() {
        return "drydock-lock-watch";
    }
}
