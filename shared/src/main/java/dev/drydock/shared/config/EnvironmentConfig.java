package dev.drydock.shared.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One entry of {@code environments:}. The URL may hold {@code ${...}} references and is resolved when the
 * environment is used, so a validator run does not need production's variables set.
 */
public record EnvironmentConfig(String name, String rawUrl, Secret user, Secret password, boolean isProtected,
                                boolean backupRequired, Duration backupMaxAge, Path configFile,
                                WranglerSettings wrangler) {

    /** The URL scheme of a Cloudflare D1 database: {@code d1:<database name or binding>}. */
    public static final String D1_SCHEME = "d1:";

    /** Whether this is a Cloudflare D1 database, reached through wrangler rather than JDBC. */
    public boolean isD1() {
        return rawUrl.startsWith(D1_SCHEME);
    }

    /** The D1 database name (or binding) wrangler is given; only for {@link #isD1()}. */
    public String d1Database() {
        return url().substring(D1_SCHEME.length());
    }

    public String url() {
        return References.resolve(rawUrl, "environments." + name + ".url", configFile);
    }

    /** The user to connect as, resolved; null when the config names none. */
    public String revealUser() {
        return user == null ? null : user.reveal();
    }

    /** The password to connect with, resolved; null when the config names none. Never log it. */
    public String revealPassword() {
        return password == null ? null : password.reveal();
    }

    /**
     * The URL to connect with: a relative SQLite file is taken relative to drydock.yaml's folder, as every path in
     * that file is, not to wherever the command runs.
     */
    public String jdbcUrl() {
        String url = url();
        if (!url.startsWith("jdbc:sqlite:") || configFile == null) {
            return url;
        }
        String rest = url.substring("jdbc:sqlite:".length());
        String file = rest.replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
            return url;
        }
        return "jdbc:sqlite:" + configFile.toAbsolutePath().getParent().resolve(file).normalize()
                + rest.substring(file.length());
    }
}
