package dev.drydock.shared.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The one version Maven stamps into the build; all three tools print it for {@code --version} and in reports. */
public final class DrydockVersion {

    private DrydockVersion() {
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = DrydockVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
