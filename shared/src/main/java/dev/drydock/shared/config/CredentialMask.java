package dev.drydock.shared.config;

import java.util.regex.Pattern;

/**
 * The one place a message that may carry a connection string is made safe to print: every error line of the three
 * command lines and every failure the daemon logs or serves passes through {@link #mask}. Drivers put URLs in
 * their own messages (MariaDB's connector quotes the whole URL), so masking the message, not only the URLs Drydock
 * prints, is what keeps a password out of the output.
 */
public final class CredentialMask {

    /** {@code //user:password@}: the user stays, the password goes. Bounded classes, so linear on long input. */
    private static final Pattern USER_INFO = Pattern.compile("//([^/@\\s:]{1,256}):[^/@\\s]{1,1024}@");
    /** {@code password=…} in a query string, a MariaDB address or a libpq connection string. */
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)\\b(password|passwd|pwd)=(\"[^\"]*\"|'[^']*'|[^&;\\s)]*)");

    private CredentialMask() {
    }

    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0 && text.indexOf('=') < 0) {
            return text;
        }
        String masked = USER_INFO.matcher(text).replaceAll("//$1:****@");
        return PASSWORD_SETTING.matcher(masked).replaceAll("$1=****");
    }
}
