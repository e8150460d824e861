package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code hardcoded-credential}, {@code privilege-escalation} and {@code security-weakening}, in forward and
 * rollback scripts alike. A message says that a secret is there and how long it is, never what it is.
 */
final class SecurityRules implements StatementRules {

    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)\\b(password|passwd|pwd)\\s*=\\s*[^\\s;'&]{4,}");
    private static final Pattern KNOWN_TOKEN = Pattern.compile("AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}"
            + "|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----"
            + "|AIza[0-9A-Za-z_-]{35}");
    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        credentials(site, sink);
        privileges(site, sink);
        weakening(site, sink);
    }

    private static void credentials(StatementSite site, FindingSink sink) {
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
                site.report(sink, RuleCatalog.HARDCODED_CREDENTIAL, token, null, "this string literal is " + what
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
     * A long string of one token alphabet with upper case, lower case and digits mixed and high Shannon entropy:
     * random keys look like this, words, hashes in hex and UUIDs do not.
     */
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

    private static void privileges(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        if (kind.equals("GRANT")) {
            if (site.wordAt(1, "ALL")) {
                escalation(site, sink, site.tokens().get(1), "GRANT ALL gives every privilege, including ones added"
                        + " later; grant the specific privileges the role needs");
            }
            int to = site.indexOfWord("TO");
            if (to > 0 && site.wordAt(to + 1, "PUBLIC")) {
                escalation(site, sink, site.tokens().get(to + 1), "granting to PUBLIC gives every role, present and"
                        + " future, this privilege; grant to a named role");
            }
            int with = site.indexOfWord("WITH");
            if (with > 0 && (site.wordAt(with + 1, "GRANT") || site.wordAt(with + 1, "ADMIN"))) {
                escalation(site, sink, site.tokens().get(with), "WITH " + site.tokens().get(with + 1).text()
                        .toUpperCase(Locale.ROOT) + " OPTION lets the grantee pass the privilege on; leave it out");
            }
            if (site.containsWord("ON") && site.tokens().stream().anyMatch(t -> t.isSymbol('*'))
                    && site.indexOfWord("ON") + 1 < site.tokens().size()
                    && site.tokens().get(site.indexOfWord("ON") + 1).isSymbol('*')) {
                escalation(site, sink, site.wordToken("ON"), "a grant ON *.* covers every database on the server;"
                        + " grant on the application's schema only");
            }
        }
        if (kind.equals("CREATE ROLE") || kind.equals("CREATE USER")) {
            escalation(site, sink, site.first(), kind + " in a migration creates an account in every environment the"
                    + " migration reaches; manage roles and users outside the migrations");
        }
        if ((kind.endsWith(" ROLE") || kind.endsWith(" USER")) && !kind.startsWith("DROP")) {
            for (SqlToken token : site.tokens()) {
                if (token.isWord("SUPERUSER") || token.isWord("BYPASSRLS") || token.isWord("CREATEROLE")) {
                    escalation(site, sink, token, token.text().toUpperCase(Locale.ROOT) + " gives the role power over"
                            + " the whole server; give it only the privileges it needs");
                }
            }
        }
    }

    private static void escalation(StatementSite site, FindingSink sink, SqlToken at, String message) {
        site.report(sink, RuleCatalog.PRIVILEGE_ESCALATION, at, null, message);
    }

    private static void weakening(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        List<SqlToken> tokens = site.tokens();
        if (kind.equals("ALTER TABLE")) {
            for (int i = 0; i + 3 < tokens.size(); i++) {
                if (tokens.get(i).isWord("DISABLE") && tokens.get(i + 1).isWord("ROW")
                        || tokens.get(i).isWord("NO") && tokens.get(i + 1).isWord("FORCE")) {
                    site.report(sink, RuleCatalog.SECURITY_WEAKENING, tokens.get(i), null, "turning row level security"
                            + " off on " + site.object() + " exposes every row to every role with access to the"
                            + " table; fix the policy instead");
                }
            }
        }
        if ((kind.endsWith("FUNCTION") || kind.endsWith("PROCEDURE")) && kind.startsWith("CREATE")) {
            int definer = -1;
            boolean searchPath = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).isWord("DEFINER") && i > 0 && tokens.get(i - 1).isWord("SECURITY")) {
                    definer = i;
                }
                if (tokens.get(i).isWord("SET") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("search_path")) {
                    searchPath = true;
                }
            }
            if (definer > 0 && !searchPath) {
                site.report(sink, RuleCatalog.SECURITY_WEAKENING, tokens.get(definer), null, "a SECURITY DEFINER"
                        + " function without SET search_path runs with its owner's rights and resolves names through"
                        + " the caller's search_path, so the caller can substitute objects; add SET search_path ="
                        + " pg_catalog, public (or the schemas it needs)");
            }
        }
        if (kind.equals("PRAGMA") && site.containsWord("ignore_check_constraints")) {
            String value = tokens.get(tokens.size() - 1).text().toLowerCase(Locale.ROOT);
            if (value.equals("on") || value.equals("1") || value.equals("true") || value.equals("yes")) {
                site.report(sink, RuleCatalog.SECURITY_WEAKENING, site.first(), null, "PRAGMA ignore_check_constraints"
                        + " = ON lets rows that break CHECK constraints in; fix the data instead");
            }
        }
    }
}
