package dev.drydock.shared.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} (an environment variable) and {@code ${file:/path}} (a file's content,
 * trailing newline dropped, as Docker and Kubernetes secrets are mounted) inside a config value.
 */
public final class References {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    /** A password, a key or a URL is short; a larger "secret file" is a mistake (or /dev/zero). */
    static final int MAX_SECRET_BYTES = 64 << 10;

    private References() {
    }

    public static String resolve(String raw, String key, Path configFile) {
        return resolve(raw, key, configFile, System.getenv());
    }

    static String resolve(String raw, String key, Path configFile, Map<String, String> environment) {
        if (raw == null || raw.indexOf("${") < 0) {
            return raw;
        }
        Matcher matcher = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            matcher.appendReplacement(out, Matcher.quoteReplacement(lookUp(name, key, configFile, environment)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lookUp(String name, String key, Path configFile, Map<String, String> environment) {
        if (name.startsWith("file:")) {
            Path file = Path.of(name.substring("file:".length()));
            if (!file.isAbsolute() && configFile != null && configFile.getParent() != null) {
                file = configFile.getParent().resolve(file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] content = in.readNBytes(MAX_SECRET_BYTES + 1);
                if (content.length > MAX_SECRET_BYTES) {
                    throw new ConfigException(configFile, key, null, "the secret file " + file + " holds more than "
                            + MAX_SECRET_BYTES + " bytes, which is no secret; point the reference at the mounted secret");
                }
                return stripTrailingNewline(new String(content, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException(configFile, key, null,
                        "cannot read the secret file " + file + " (" + e.getClass().getSimpleName()
                                + "); create it or point the reference at the mounted secret");
            }
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(configFile, key, null, "'${" + name + "}' is not a reference;"
                    + " write ${ENV_VAR} or ${file:/path/to/secret}");
        }
        String value = environment.get(name);
        if (value == null) {
            throw new ConfigException(configFile, key, null,
                    "environment variable " + name + " is not set; export it before running");
        }
        return value;
    }

    private static String stripTrailingNewline(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
