package dev.drydock.shared.cli;

import dev.drydock.shared.config.CredentialMask;

import java.io.PrintWriter;

/**
 * The one line a Drydock command prints when an exception ends it: the tool's name, then the message. The stack
 * trace is for developers, so it is printed only when {@code DRYDOCK_DEBUG} is set, and the line says how to get it.
 */
public final class ErrorLine {

    private ErrorLine() {
    }

    /** Prints {@code tool: message}, credentials masked, and returns {@code exitCode}. */
    public static int print(String tool, String message, PrintWriter err, int exitCode) {
        err.println(tool + ": " + CredentialMask.mask(message));
        err.flush();
        return exitCode;
    }

    /** Prints {@code tool: message} for an exception nobody expected, with its stack trace under DRYDOCK_DEBUG. */
    public static int unexpected(String tool, String message, Throwable exception, PrintWriter err, int exitCode) {
        boolean debug = System.getenv("DRYDOCK_DEBUG") != null;
        err.println(tool + ": " + CredentialMask.mask(message) + (debug ? "" : " (DRYDOCK_DEBUG=1 prints the stack trace)"));
        if (debug) {
            exception.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }
}
