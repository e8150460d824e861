package dev.drydock.shared;

/**
 * Input a person must fix: a bad config, an unreadable or non-UTF-8 migration file, a missing folder.
 * The message already says which file, which line, what is wrong and what to do, so commands print it
 * as it is and exit with code 2 instead of showing a stack trace.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
