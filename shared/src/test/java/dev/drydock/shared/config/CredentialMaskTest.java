package dev.drydock.shared.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialMaskTest {

    @Test
    void masksPasswordsInUrlsAndSettingsAndKeepsTheRest() {
        assertEquals("cannot connect to jdbc:mariadb://root:****@db:3306/app",
                CredentialMask.mask("cannot connect to jdbc:mariadb://root:Sup3rS3cret@db:3306/app"));
        assertEquals("jdbc:postgresql://db/app?user=app&password=****&ssl=true",
                CredentialMask.mask("jdbc:postgresql://db/app?user=app&password=Sup3rS3cret&ssl=true"));
        assertEquals("address=(host=db)(port=3306)(password=****)(type=primary)",
                CredentialMask.mask("address=(host=db)(port=3306)(password=Sup3r)(type=primary)"));
        assertEquals("host=db PASSWORD=**** dbname=app", CredentialMask.mask("host=db PASSWORD='a b c' dbname=app"));
        assertEquals("postgres://app@db/app and 3 = 3", CredentialMask.mask("postgres://app@db/app and 3 = 3"));
        assertEquals(null, CredentialMask.mask(null));
    }

    @Test
    void aLongMessageIsMaskedInLinearTime() {
        String message = "//a:".repeat(200_000) + "password=" + "x".repeat(100_000);
        assertTrue(CredentialMask.mask(message).endsWith("password=****"));
    }
}
