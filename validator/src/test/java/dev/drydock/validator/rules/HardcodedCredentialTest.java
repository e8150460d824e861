package dev.drydock.validator.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linear scan for {@code scheme://user:password@} finds what the regular expression it replaced found. */
class HardcodedCredentialTest {

    /** The old expression, quadratic on long literals; kept here as the definition the scan must meet. */
    private static final Pattern DEFINITION = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@']+:[^/\\s@']+@",
            Pattern.CASE_INSENSITIVE);

    @Test
    void findsConnectionStringsWithAPassword() {
        assertTrue(HardcodedCredential.hasUrlWithPassword("postgres://app:s3cret@db/app"));
        assertTrue(HardcodedCredential.hasUrlWithPassword("url is jdbc:postgresql://app:s3cret@db:5432/app"));
        assertTrue(HardcodedCredential.hasUrlWithPassword("mysql+pymysql://u:p@h"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("https://example.com/a:b@c"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("://u:p@h"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("1://u:p@h"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("x://:p@h"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("x://u:@h"));
        assertFalse(HardcodedCredential.hasUrlWithPassword("postgres://app@db/app"));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        Random random = new Random(7);
        String alphabet = "ab1+.-:/@' xY";
        for (int run = 0; run < 200_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(random.nextInt(4) == 0 ? "://" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String value = text.toString();
            assertEquals(DEFINITION.matcher(value).find(), HardcodedCredential.hasUrlWithPassword(value), value);
        }
    }

    @Test
    void aMegabyteOfHexIsNoConnectionString() {
        Random random = new Random(3);
        StringBuilder hex = new StringBuilder("\\x");
        for (int i = 0; i < 1 << 20; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        assertFalse(HardcodedCredential.hasUrlWithPassword(hex.toString()));
    }
}
