package dev.drydock.shared.migration;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest {

    @Test
    void ordersFlywayVersionsNumerically() {
        List<String> texts = List.of("118_3", "1.1", "5.0_2014.01.01", "2", "118", "1_10", "1.2", "5.0");
        List<Version> versions = new ArrayList<>(texts.stream().map(Version::parse).toList());
        versions.sort(null);
        assertEquals(List.of("1.1", "1.2", "1.10", "2", "5", "5.0.2014.1.1", "118", "118.3"),
                versions.stream().map(Version::canonical).toList());
    }

    @Test
    void trailingZerosAreTheSameVersion() {
        assertEquals(0, Version.parse("1.0").compareTo(Version.parse("1")));
        assertEquals("1.5.2", Version.parse("1_5_2").canonical());
    }

    @Test
    void dieselTimestampsWithAndWithoutDashesCompare() {
        Version dashed = Version.ofDigits("2017-08-31-210424");
        Version plain = Version.ofDigits("20170831210424");
        assertEquals(0, dashed.compareTo(plain));
        assertTrue(Version.ofDigits("2017-09-01-000000").compareTo(dashed) > 0);
    }
}
