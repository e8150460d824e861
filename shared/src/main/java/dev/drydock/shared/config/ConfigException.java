package dev.drydock.shared.config;

import dev.drydock.shared.BadInputException;

import java.nio.file.Path;

/** A problem in {@code drydock.yaml}; the message names the file, the key and, where known, the line. */
public final class ConfigException extends BadInputException {

    public ConfigException(Path file, String key, Integer line, String problem) {
        super(format(file, key, line, problem));
    }

    private static String format(Path file, String key, Integer line, String problem) {
        StringBuilder text = new StringBuilder(file == null ? "configuration" : file.toString());
        if (line != null) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (key != null && !key.isEmpty()) {
            text.append("key '").append(key).append("': ");
        }
        return text.append(problem).toString();
    }
}
