package dev.drydock.shared.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A D1 project's own wrangler config (wrangler.json, wrangler.jsonc or wrangler.toml, looked for in that order, as
 * wrangler does): its D1 bindings per environment, each with the migrations folder and history table wrangler uses.
 * {@code d1_databases} is not inherited by wrangler's named environments, so each lists its own.
 *
 * @param databases the bindings by wrangler environment; the top level is under {@link #TOP_LEVEL}
 */
public record WranglerConfig(Path file, Map<String, List<D1Database>> databases) {

    /** The key of the top-level environment, which wrangler uses when no {@code --env} is given. */
    public static final String TOP_LEVEL = "";

    private static final List<String> FILE_NAMES = List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml");

    /**
     * One {@code [[d1_databases]]} entry.
     *
     * @param migrationsDir   absolute; wrangler's default is {@code migrations} beside the config
     * @param migrationsTable wrangler's default is {@code d1_migrations}
     */
    public record D1Database(String binding, String databaseName, String databaseId, Path migrationsDir,
                             String migrationsTable) {

        /** Whether wrangler would take {@code name} (a database name or a binding) to mean this database. */
        public boolean answersTo(String name) {
            return name.equals(databaseName) || name.equals(binding);
        }
    }

    public WranglerConfig {
        databases = Map.copyOf(databases);
    }

    /** The wrangler config in {@code folder}, when it holds one. */
    public static Optional<Path> find(Path folder) {
        return FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
    }

    public static WranglerConfig read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode root;
        try {
            String text = Files.readString(absolute);
            ObjectMapper mapper = absolute.getFileName().toString().endsWith(".toml") ? new TomlMapper()
                    : JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonParser.Feature.ALLOW_COMMENTS).build();
            root = mapper.readTree(text);
        } catch (IOException e) {
            throw new ConfigException(absolute, null, null, "cannot read wrangler's config ("
                    + firstLine(e.getMessage()) + "); wrangler would refuse it too");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(absolute, null, null, "wrangler's config holds no settings");
        }
        Map<String, List<D1Database>> databases = new LinkedHashMap<>();
        databases.put(TOP_LEVEL, bindings(root, absolute));
        JsonNode envs = root.path("env");
        for (Iterator<Map.Entry<String, JsonNode>> it = envs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> env = it.next();
            databases.put(env.getKey(), bindings(env.getValue(), absolute));
        }
        return new WranglerConfig(absolute, databases);
    }

    private static List<D1Database> bindings(JsonNode scope, Path file) {
        List<D1Database> found = new ArrayList<>();
        for (JsonNode entry : scope.path("d1_databases")) {
            String dir = entry.path("migrations_dir").asText("migrations");
            found.add(new D1Database(text(entry, "binding"), text(entry, "database_name"), text(entry, "database_id"),
                    file.getParent().resolve(dir).normalize(), entry.path("migrations_table").asText("d1_migrations")));
        }
        return List.copyOf(found);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** The database wrangler means by {@code name} in environment {@code env} (null: the top level). */
    public Optional<D1Database> database(String env, String name) {
        return databases.getOrDefault(env == null ? TOP_LEVEL : env, List.of()).stream()
                .filter(database -> database.answersTo(name)).findFirst();
    }
}
