package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code hardcoded-credential}: a password, key or token written into a migration, forward or rollback. The message
 * says that a secret is there and how long it is, never what it is.
 */
final class HardcodedCredential implements StatementRules {

    static final Rule RULE = Rule.of("hardcoded-credential", Severity.ERROR, "security",
            "a password, key or token written into a migration",
            "Migrations live in version control and in every backup of it; a secret there is a secret shared with"
                    + " everyone who can read the repository. Create the role without a password and set it"
                    + " outside the migration (from a secret store), and rotate the exposed secret.")
            .example(Dialect.POSTGRESQL, "CREATE ROLE app LOGIN PASSWORD 'hunter2hunter2';", "DROP ROLE app;");

    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)\\b(password|passwd|pwd)\\s*=\\s*[^\\s;'&]{4,}");
    private static final Pattern KNOWN_TOKEN = Pattern.compile("AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}"
            + "|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----"
            + "|AIza[0-9A-Za-z_-]{35}");
    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        List<SqlToken> tokens = site.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.type() != SqlToken.Type.STRING) {
                continue;
            }
            SqlToken before = i > 0 ? tokens.get(i - 1) : null;
            SqlToken twoBefore = i > 1 ? tokens.get(i - 2) : null;
            String value = literal(token);
            String what = null;
            if (before != null && before.isWord("PASSWORD") && isRoleStatement(site)) {
                what = "a password";
            } else if (before != null && before.isWord("BY") && twoBefore != null && (twoBefore.isWord("IDENTIFIED")
                    || twoBefore.type() == SqlToken.Type.WORD && i > 3 && tokens.get(i - 4).isWord("IDENTIFIED"))) {
                what = "a password (IDENTIFIED BY)";
            } else if (hasUrlWithPassword(value)) {
                what = "a connection string with a password";
            } else if (PASSWORD_SETTING.matcher(value).find()) {
                what = "a password setting";
            } else if (KNOWN_TOKEN.matcher(value).find()) {
                what = "an access key or private key";
            } else if (looksRandom(value)) {
                what = "a high-entropy token that looks like a key";
            }
            if (what != null && !value.isEmpty()) {
                site.report(sink, RULE, token, null, "this string literal is " + what
                        + " (" + value.length() + " characters, masked); a secret in a migration is shared with"
                        + " everyone who can read the repository: set it outside the migration from a secret store,"
                        + " and rotate it");
            }
        }
    }

    private static boolean isRoleStatement(StatementSite site) {
        String kind = site.kind();
        return kind.endsWith(" ROLE") || kind.endsWith(" USER") || kind.equals("SET") || kind.equals("GRANT");
    }

    private static String literal(SqlToken token) {
        String text = token.text();
        if (text.startsWith("$")) {
            int tag = text.indexOf('$', 1);
            return tag > 0 && text.length() > 2 * (tag + 1) ? text.substring(tag + 1, text.length() - tag - 1) : "";
        }
        int quote = text.indexOf('\'');
        return quote >= 0 && text.length() > quote + 1 ? text.substring(quote + 1, text.length() - 1) : text;
    }

    /**
     * {@code scheme://user:password@} anywhere in the value. A scan from each {@code ://} rather than a regular
     * expression: a regex that tries a scheme at every position of a long literal (a seeded image in hex) takes time
     * quadratic in its length; here each character is looked at a bounded number of times.
     */
    static boolean hasUrlWithPassword(String value) {
        for (int at = value.indexOf("://"); at >= 0; at = value.indexOf("://", at + 3)) {
            if (hasScheme(value, at) && hasCredentials(value, at + 3)) {
                return true;
            }
        }
        return false;
    }

    /** A letter followed by letters, digits, {@code + . -} just before {@code end}. */
    private static boolean hasScheme(String value, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (isAsciiLetter(c)) {
                return true;
            }
            if (!(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    /** {@code user:password@} from {@code start}, neither part empty nor holding {@code / @ '} or white space. */
    private static boolean hasCredentials(String value, int start) {
        int i = start;
        while (i < value.length() && !endsUserPart(value.charAt(i)) && value.charAt(i) != ':') {
            i++;
        }
        if (i == start || i >= value.length() || value.charAt(i) != ':') {
            return false;
        }
        int password = ++i;
        while (i < value.length() && !endsUserPart(value.charAt(i))) {
            i++;
        }
        return i > password && i < value.length() && value.charAt(i) == '@';
    }

    private static boolean endsUserPart(char c) {
        return c == '/' || c == '@' || c == '\'' || c == ' ' || c >= '\t' && c <= '\r'; // \s of a regex
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * A long string of one token alphabet with upper case, lower case and digits mixed and high Shannon entropy:
     * random keys look like this, words, hashes in hex and UUIDs do not.
     */
    static boolean looksRandom(String value) {
        if (!TOKEN_ALPHABET.matcher(value).matches()) {
            return false;
        }
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(value) >= 4.5;
    }

    private static double entropy(String value) {
        int[] counts = new int[128];
        for (char c : value.toCharArray()) {
            counts[c & 127]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}
