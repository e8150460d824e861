package dev.drydock.shared.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One entry of {@code environments:}. The URL may hold {@code ${...}} references and is resolved when the
 * environment is used, so a validator run does not need production's variables set.
 */
public record EnvironmentConfig(String name, String rawUrl, Secret user, Secret password, boolean isProtected,
                                boolean backupRequired, Duration backupMaxAge, Path configFile) {

    public String url() {
        return References.resolve(rawUrl, "environments." + name + ".url", configFile);
    }
}
