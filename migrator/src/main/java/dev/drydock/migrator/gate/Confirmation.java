package dev.drydock.migrator.gate;

import dev.drydock.shared.config.EnvironmentConfig;

import java.io.Console;

/** The last gate on a protected environment: the operator types its name. Without a terminal there is no one to ask. */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * Refuses at once when the confirmation could never be given — a protected environment, no {@code --yes}, no
     * terminal — so that a command does not first take a backup (or a lock) only to refuse at the end.
     */
    public static void requirePossible(EnvironmentConfig environment, boolean yes) {
        if (environment.isProtected() && !yes && System.console() == null) {
            throw noTerminal(environment);
        }
    }

    /** @param action what is confirmed, as the prompt says it ("apply", "roll back", "restore") */
    public static void ask(EnvironmentConfig environment, String action) {
        Console console = System.console();
        if (console == null) {
            throw noTerminal(environment);
        }
        String typed = console.readLine("Type the environment's name (%s) to %s: ", environment.name(), action);
        if (typed == null || !typed.trim().equals(environment.name())) {
            throw new GateRefusal("the confirmation did not match '" + environment.name() + "'; nothing was changed");
        }
    }

    private static GateRefusal noTerminal(EnvironmentConfig environment) {
        return new GateRefusal(environment.name() + " is protected and there is no terminal to confirm on; nothing was"
                + " changed. Run it from a terminal, or pass --yes where automation has done the checks");
    }
}
