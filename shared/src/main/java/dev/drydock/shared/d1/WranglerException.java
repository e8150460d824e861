package dev.drydock.shared.d1;

import java.io.IOException;

/** A wrangler command that could not run or that failed; the message carries wrangler's own words. */
public final class WranglerException extends IOException {

    public WranglerException(String message) {
        super(message);
    }
}
