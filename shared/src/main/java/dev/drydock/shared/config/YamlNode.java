package dev.drydock.shared.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drydock.yaml} as a tree that remembers the line of every key and value, read with Jackson's
 * streaming YAML parser. Binding onto classes with databind costs a command several times as much start-up
 * and loses the lines, and config errors must name them.
 */
sealed interface YamlNode {

    int line();

    /** A mapping; {@code keyLines} holds the line each key was written on. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    /** A scalar as written ({@code null} for YAML's null). */
    record Scalar(String text, int line) implements YamlNode {
    }

    /**
     * The one document of a config. A key written twice is an error (YAML says so; a silent "last one wins" would
     * hide which password or URL is in force), and so is a second document after {@code ---}.
     */
    static YamlNode parse(byte[] yaml) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), Map.of(), 1);
            }
            YamlNode root = read(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "a second YAML document; a Drydock config is one document",
                        parser.currentTokenLocation());
            }
            return root;
        }
    }

    private static YamlNode read(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                keyLines.put(key, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                entries.put(key, read(parser));
            }
            return new Mapping(entries, keyLines, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Sequence(items, line);
        }
        return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
    }
}
