package dev.drydock.validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the build, for reports and {@code --version}. */
public final class ToolVersion {

    public static final String NAME = "drydock-validator";

    private ToolVersion() {
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
