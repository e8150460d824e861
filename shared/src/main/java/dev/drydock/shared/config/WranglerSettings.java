package dev.drydock.shared.config;

import java.nio.file.Path;

/**
 * How an environment on Cloudflare D1 is reached: through wrangler, never a JDBC driver.
 *
 * @param config    wrangler.toml / wrangler.json(c); null lets wrangler find its own in the working folder
 * @param env       wrangler's {@code --env}; null for the top-level environment
 * @param local     {@code --local} (miniflare's state on this machine) when true, {@code --remote} when false
 * @param persistTo wrangler's {@code --persist-to} for local state; null for wrangler's default
 * @param command   how wrangler is started; null means {@code wrangler} on PATH, else {@code npx wrangler}
 */
public record WranglerSettings(Path config, String env, boolean local, Path persistTo, String command) {

    /** The folder wrangler runs in: its config's, as {@code migrations_dir} is relative to it. */
    public Path projectDir() {
        return config == null ? Path.of("").toAbsolutePath() : config.toAbsolutePath().getParent();
    }

    /** Where the run happens, for messages: {@code local} or {@code remote}. */
    public String location() {
        return local ? "local" : "remote";
    }
}
