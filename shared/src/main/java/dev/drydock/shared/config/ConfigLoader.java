package dev.drydock.shared.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drydock.shared.migration.Layout;
import dev.drydock.shared.sql.DialectTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks {@code drydock.yaml}; every problem is a {@link ConfigException} naming the file, the key
 * and its line. Unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {

    public static final String DEFAULT_FILE = "drydock.yaml";

    private static final Set<String> TOP = Set.of("migrations", "validator", "environments", "backup");
    private static final Set<String> MIGRATIONS = Set.of("dir", "layout", "forward", "rollback", "dialects", "transactional",
            "history");
    private static final Set<String> VALIDATOR = Set.of("rules", "largeTables", "baseline");
    private static final Set<String> ENVIRONMENT = Set.of("url", "user", "password", "protected", "backup", "wrangler");
    private static final Set<String> WRANGLER = Set.of("config", "env", "local", "persistTo", "command");
    private static final Set<String> BACKUP_REQUIREMENT = Set.of("required", "maxAge");
    private static final Set<String> BACKUP = Set.of("store", "s3", "http", "jobs", "cluster");
    private static final Set<String> S3 = Set.of("endpoint", "region", "pathStyle", "sse", "storageClass",
            "accessKeyId", "secretAccessKey");
    private static final Set<String> HTTP = Set.of("bind", "port");
    private static final Set<String> JOB = Set.of("environment", "schedule", "verify", "verifyUrl", "retention");
    private static final Set<String> RETENTION = Set.of("keepLast", "daily", "weekly", "monthly");
    private static final Set<String> CLUSTER = Set.of("url", "user", "password");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private ConfigLoader() {
    }

    /** Loads {@code file}; it must exist. */
    public static DrydockConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new Binder(absolute).config(parse(absolute));
    }

    /** Loads {@code ./drydock.yaml} of {@code workingDir} when there is one. */
    /** Ten years: any longer maximum age means "no limit", and that is not what a backup gate is for. */
    private static final long MAX_DURATION_DAYS = 3_650;

    /** A config is a few kilobytes; anything near this is not one. */
    static final long MAX_CONFIG_BYTES = 1 << 20;

    /**
     * Loads {@code ./drydock.yaml} of {@code workingDir} when there is one; without it, a D1 project's wrangler
     * config there stands in for it ({@link #fromWrangler}).
     */
    public static Optional<DrydockConfig> loadDefault(Path workingDir) {
        Path file = workingDir.resolve(DEFAULT_FILE);
        if (Files.isRegularFile(file)) {
            return Optional.of(load(file));
        }
        return WranglerConfig.find(workingDir.toAbsolutePath().normalize()).map(ConfigLoader::fromWrangler);
    }

    /**
     * The config a D1 project has without writing one: the migrations of its first D1 binding (layout wrangler,
     * dialect d1) and one local environment per wrangler environment that has a D1 binding, named after it
     * ({@code default} for the top level), reached through wrangler with that config.
     */
    public static DrydockConfig fromWrangler(Path wranglerFile) {
        WranglerConfig wrangler = WranglerConfig.read(wranglerFile);
        Binder binder = new Binder(wrangler.file());
        YamlNode.Mapping none = new YamlNode.Mapping(Map.of(), Map.of(), 1);
        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        WranglerConfig.D1Database first = null;
        for (Map.Entry<String, List<WranglerConfig.D1Database>> env : wrangler.databases().entrySet()) {
            if (env.getValue().isEmpty()) {
                continue;
            }
            WranglerConfig.D1Database database = env.getValue().get(0);
            first = first == null ? database : first;
            boolean top = env.getKey().equals(WranglerConfig.TOP_LEVEL);
            String name = top ? "default" : env.getKey();
            environments.put(name, new EnvironmentConfig(name, EnvironmentConfig.D1_SCHEME + database.databaseName(),
                    null, null, false, false, Duration.ofHours(24), wrangler.file(),
                    new WranglerSettings(wrangler.file(), top ? null : env.getKey(), true, null, null)));
        }
        if (first == null) {
            throw new ConfigException(wrangler.file(), "d1_databases", null, "no D1 database in wrangler's config and"
                    + " no drydock.yaml beside it; add a [[d1_databases]] binding or write a drydock.yaml");
        }
        MigrationsConfig migrations = new MigrationsConfig(first.migrationsDir(), "wrangler", null, null,
                List.of(DialectTarget.latest(dev.drydock.shared.sql.Dialect.D1)), true, MigrationsConfig.NATIVE_HISTORY);
        return new DrydockConfig(Optional.of(wrangler.file()), migrations, binder.validator(none), environments,
                binder.backup(none));
    }

    private static YamlNode parse(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_CONFIG_BYTES || !Files.isRegularFile(file)) {
                // the YAML reader takes time quadratic in a long scalar: refuse before reading, not after minutes
                throw new ConfigException(file, null, null, "not a Drydock config: " + (Files.isRegularFile(file)
                        ? size + " bytes, where a config is a few kilobytes (at most " + MAX_CONFIG_BYTES + ")"
                        : "not a regular file") + "; point --config at drydock.yaml");
            }
            return YamlNode.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, null, null, "the config file does not exist; check the path, or create"
                    + " one (docs/config.md lists every key; ops/drydock.example.yaml is a start)");
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new ConfigException(file, null, line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file, null, null, "cannot read the config file (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** Turns the tree into the config records, checking keys and values and resolving paths. */
    private record Binder(Path file) {

        DrydockConfig config(YamlNode root) {
            YamlNode.Mapping top = mapping(root, "", TOP);
            Map<String, EnvironmentConfig> environments = environments(top);
            BackupConfig backup = backup(top);
            for (int i = 0; i < backup.jobs().size(); i++) {
                String environment = backup.jobs().get(i).environment();
                if (!environments.containsKey(environment)) {
                    throw new ConfigException(file, "backup.jobs[" + i + "].environment", null, "no environment '"
                            + environment + "' under environments:; name one of " + new TreeSet<>(environments.keySet()));
                }
            }
            return new DrydockConfig(Optional.of(file), migrations(top), validator(top), environments, backup);
        }

        private MigrationsConfig migrations(YamlNode.Mapping top) {
            YamlNode.Mapping m = mapping(top.entries().get("migrations"), "migrations", MIGRATIONS);
            Path dir = resolvePath(orElse(text(m, "dir", "migrations.dir"), "db/migrations"), m);
            String layout = orElse(text(m, "layout", "migrations.layout"), "auto");
            if (!Layout.NAMES.contains(layout)) {
                throw fail("migrations.layout", m, "'" + layout + "' is no layout; use one of "
                        + String.join(", ", Layout.NAMES));
            }
            Pattern forward = regex(m, "forward");
            Pattern rollback = regex(m, "rollback");
            if (layout.equals("custom")) {
                if (forward == null) {
                    throw fail("migrations.forward", m, "the custom layout needs a forward: regex with the named"
                            + " groups version and description, e.g. '(?<version>\\d+)_(?<description>.+)\\.up\\.sql'");
                }
            } else if (forward != null || rollback != null) {
                throw fail(forward != null ? "migrations.forward" : "migrations.rollback", m,
                        "only the custom layout takes regexes; set layout: custom or remove the key");
            }
            List<DialectTarget> dialects = new ArrayList<>();
            List<String> names = strings(m, "dialects", "migrations.dialects");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String key = "migrations.dialects[" + i + "]";
                dialects.add(DialectTarget.parse(name == null ? "" : name).orElseThrow(() -> fail(key, m, "'" + name
                        + "' is no dialect; use postgresql, mysql, mariadb, sqlite or d1, optionally with a version"
                        + " (postgresql:15, sqlite:3.40)")));
            }
            boolean transactional = orElse(bool(m, "transactional", "migrations.transactional"), true);
            String history = orElse(text(m, "history", "migrations.history"), MigrationsConfig.NATIVE_HISTORY);
            if (!history.equals(MigrationsConfig.NATIVE_HISTORY) && !history.equals(MigrationsConfig.FLYWAY_HISTORY)) {
                throw fail("migrations.history", m, "'" + history + "' is no history; use native (the layout's own"
                        + " runner's table) or flyway (flyway_schema_history whatever the layout)");
            }
            return new MigrationsConfig(dir, layout, forward, rollback, dialects, transactional, history);
        }

        private ValidatorConfig validator(YamlNode.Mapping top) {
            YamlNode.Mapping v = mapping(top.entries().get("validator"), "validator", VALIDATOR);
            Map<String, String> rules = new LinkedHashMap<>();
            YamlNode.Mapping rawRules = mapping(v.entries().get("rules"), "validator.rules", null);
            for (String rule : rawRules.entries().keySet()) {
                String key = "validator.rules." + rule;
                String severity = text(rawRules, rule, key);
                if (severity == null || !ValidatorConfig.SEVERITIES.contains(severity)) {
                    throw fail(key, rawRules, "'" + severity + "' is no severity; use "
                            + String.join(", ", ValidatorConfig.SEVERITIES));
                }
                rules.put(rule, severity);
            }
            String baseline = text(v, "baseline", "validator.baseline");
            if (baseline != null && !baseline.strip().matches("\\d+([._]\\d+)*")) {
                throw fail("validator.baseline", v, "'" + baseline + "' is no version; write the newest migration"
                        + " that is applied everywhere, e.g. \"41\" or \"20240101120000\"");
            }
            return new ValidatorConfig(rules, strings(v, "largeTables", "validator.largeTables"),
                    Optional.ofNullable(baseline).map(String::strip));
        }

        private Map<String, EnvironmentConfig> environments(YamlNode.Mapping top) {
            Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
            YamlNode.Mapping all = mapping(top.entries().get("environments"), "environments", null);
            for (String name : all.entries().keySet()) {
                String key = "environments." + name;
                YamlNode.Mapping e = mapping(all.entries().get(name), key, ENVIRONMENT);
                String url = text(e, "url", key + ".url");
                if (url == null) {
                    throw new ConfigException(file, key + ".url", all.keyLines().get(name),
                            "every environment needs a url: a JDBC URL (jdbc:sqlite:./dev.db) or a D1 database (d1:app-production)");
                }
                YamlNode.Mapping backup = mapping(e.entries().get("backup"), key + ".backup", BACKUP_REQUIREMENT);
                boolean required = orElse(bool(backup, "required", key + ".backup.required"), false);
                String maxAge = text(backup, "maxAge", key + ".backup.maxAge");
                Duration age = maxAge == null ? Duration.ofHours(24) : duration(backup, key + ".backup.maxAge", maxAge);
                environments.put(name, new EnvironmentConfig(name, url, secret(e, "user", key), secret(e, "password", key),
                        orElse(bool(e, "protected", key + ".protected"), false), required, age, file,
                        wrangler(e, key, url)));
            }
            return environments;
        }

        /** The {@code wrangler:} block of a {@code d1:} environment; without one, wrangler's config beside this file. */
        private WranglerSettings wrangler(YamlNode.Mapping environment, String key, String url) {
            boolean d1 = url.startsWith(EnvironmentConfig.D1_SCHEME);
            if (!environment.entries().containsKey("wrangler")) {
                return d1 ? new WranglerSettings(WranglerConfig.find(file.getParent()).orElse(null), null, false, null,
                        null) : null;
            }
            YamlNode.Mapping w = mapping(environment.entries().get("wrangler"), key + ".wrangler", WRANGLER);
            if (!d1) {
                throw fail(key + ".wrangler", w, "wrangler settings are for Cloudflare D1 environments, whose url is"
                        + " d1:<database>; remove the block or change the url");
            }
            String config = text(w, "config", key + ".wrangler.config");
            Path configPath = config == null ? WranglerConfig.find(file.getParent()).orElse(null) : resolvePath(config, w);
            if (configPath != null && !Files.isRegularFile(configPath)) {
                throw fail(key + ".wrangler.config", w, configPath + " does not exist; point it at the project's"
                        + " wrangler.toml, wrangler.json or wrangler.jsonc");
            }
            String persistTo = text(w, "persistTo", key + ".wrangler.persistTo");
            return new WranglerSettings(configPath, text(w, "env", key + ".wrangler.env"),
                    orElse(bool(w, "local", key + ".wrangler.local"), false),
                    persistTo == null ? null : resolvePath(persistTo, w), text(w, "command", key + ".wrangler.command"));
        }

        private BackupConfig backup(YamlNode.Mapping top) {
            YamlNode.Mapping b = mapping(top.entries().get("backup"), "backup", BACKUP);
            String store = orElse(text(b, "store", "backup.store"), "file:./backups");
            if (!store.startsWith("file:") && !store.startsWith("s3://")) {
                throw fail("backup.store", b, "'" + store + "' is no store; use file:./backups or s3://bucket/prefix");
            }
            checkStore(store, b);
            BackupConfig.S3 s3 = null;
            if (b.entries().containsKey("s3")) {
                YamlNode.Mapping s = mapping(b.entries().get("s3"), "backup.s3", S3);
                s3 = new BackupConfig.S3(text(s, "endpoint", "backup.s3.endpoint"), text(s, "region", "backup.s3.region"),
                        orElse(bool(s, "pathStyle", "backup.s3.pathStyle"), false), text(s, "sse", "backup.s3.sse"),
                        text(s, "storageClass", "backup.s3.storageClass"), secret(s, "accessKeyId", "backup.s3"),
                        secret(s, "secretAccessKey", "backup.s3"));
            }
            YamlNode.Mapping http = mapping(b.entries().get("http"), "backup.http", HTTP);
            List<BackupConfig.Job> jobs = new ArrayList<>();
            List<YamlNode> rawJobs = sequence(b, "jobs", "backup.jobs");
            for (int i = 0; i < rawJobs.size(); i++) {
                jobs.add(job("backup.jobs[" + i + "]", mapping(rawJobs.get(i), "backup.jobs[" + i + "]", JOB)));
            }
            BackupConfig.Cluster cluster = null;
            if (b.entries().containsKey("cluster")) {
                YamlNode.Mapping c = mapping(b.entries().get("cluster"), "backup.cluster", CLUSTER);
                cluster = new BackupConfig.Cluster(text(c, "url", "backup.cluster.url"), secret(c, "user", "backup.cluster"),
                        secret(c, "password", "backup.cluster"));
            }
            int port = orElse(integer(http, "port", "backup.http.port"), 9464);
            if (port < 0 || port > 65_535) {
                throw fail("backup.http.port", http, port + " is no TCP port; use 1 to 65535 (0 picks a free one)");
            }
            return new BackupConfig(store, s3, orElse(text(http, "bind", "backup.http.bind"), "127.0.0.1"), port, jobs,
                    cluster);
        }

        /** A store the backup daemon could not open is a config error here, with the key, not a JDK message later. */
        private void checkStore(String store, YamlNode.Mapping b) {
            if (store.startsWith("s3://")) {
                String bucket = store.substring("s3://".length()).split("/", 2)[0];
                if (bucket.isBlank() || !bucket.matches("[^\\s?#]+")) {
                    throw fail("backup.store", b, "'" + store + "' names no valid bucket; write s3://bucket/prefix");
                }
                return;
            }
            try {
                Path.of(store.substring("file:".length()));
            } catch (java.nio.file.InvalidPathException e) {
                throw fail("backup.store", b, "not a valid path (" + e.getReason() + ")");
            }
        }

        private BackupConfig.Job job(String key, YamlNode.Mapping j) {
            String environment = text(j, "environment", key + ".environment");
            String schedule = text(j, "schedule", key + ".schedule");
            if (environment == null || schedule == null) {
                throw fail(key, j, "a backup job needs environment: and schedule: (a Quartz cron, e.g. '0 0 2 * * ?')");
            }
            String verify = orElse(text(j, "verify", key + ".verify"), "checksum");
            if (!verify.equals("checksum") && !verify.equals("restore")) {
                throw fail(key + ".verify", j, "'" + verify + "' is no verification level; use checksum or restore");
            }
            BackupConfig.Retention retention = new BackupConfig.Retention(3, 7, 4, 6);
            if (j.entries().containsKey("retention")) {
                YamlNode.Mapping r = mapping(j.entries().get("retention"), key + ".retention", RETENTION);
                retention = new BackupConfig.Retention(count(r, "keepLast", key + ".retention", 3),
                        count(r, "daily", key + ".retention", 0), count(r, "weekly", key + ".retention", 0),
                        count(r, "monthly", key + ".retention", 0));
            }
            return new BackupConfig.Job(environment, schedule, verify, text(j, "verifyUrl", key + ".verifyUrl"), retention);
        }

        /** A number of backups to keep: absent means {@code otherwise}, and it cannot be negative. */
        private int count(YamlNode.Mapping r, String name, String keyPrefix, int otherwise) {
            int value = orElse(integer(r, name, keyPrefix + "." + name), otherwise);
            if (value < 0) {
                throw fail(keyPrefix + "." + name, r, value + " is negative; write how many backups to keep (0 or more)");
            }
            return value;
        }

        /** A mapping (empty when absent); {@code known} null accepts any key (names chosen by the user). */
        private YamlNode.Mapping mapping(YamlNode node, String key, Set<String> known) {
            if (node == null || node instanceof YamlNode.Scalar scalar && scalar.text() == null) {
                return new YamlNode.Mapping(Map.of(), Map.of(), node == null ? 0 : node.line());
            }
            if (!(node instanceof YamlNode.Mapping mapping)) {
                throw new ConfigException(file, key.isEmpty() ? null : key, node.line(),
                        "wrong kind of value: expected keys and values here");
            }
            if (known != null) {
                for (String name : mapping.entries().keySet()) {
                    if (!known.contains(name)) {
                        throw new ConfigException(file, key.isEmpty() ? name : key + "." + name,
                                mapping.keyLines().get(name), "unknown key; known keys here: "
                                        + String.join(", ", new TreeSet<>(known)));
                    }
                }
            }
            return mapping;
        }

        private String text(YamlNode.Mapping mapping, String name, String key) {
            YamlNode node = mapping.entries().get(name);
            if (node == null) {
                return null;
            }
            if (!(node instanceof YamlNode.Scalar scalar)) {
                throw new ConfigException(file, key, node.line(), "wrong kind of value: expected a single value");
            }
            return scalar.text();
        }

        private Boolean bool(YamlNode.Mapping mapping, String name, String key) {
            String value = text(mapping, name, key);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new ConfigException(file, key, mapping.entries().get(name).line(),
                        "wrong kind of value: '" + value + "' is not true or false");
            };
        }

        private Integer integer(YamlNode.Mapping mapping, String name, String key) {
            String value = text(mapping, name, key);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(file, key, mapping.entries().get(name).line(),
                        "wrong kind of value: '" + value + "' is not a whole number");
            }
        }

        private List<YamlNode> sequence(YamlNode.Mapping mapping, String name, String key) {
            YamlNode node = mapping.entries().get(name);
            if (node == null || node instanceof YamlNode.Scalar scalar && scalar.text() == null) {
                return List.of();
            }
            if (!(node instanceof YamlNode.Sequence sequence)) {
                throw new ConfigException(file, key, node.line(), "wrong kind of value: expected a list, e.g. [a, b]");
            }
            return sequence.items();
        }

        private List<String> strings(YamlNode.Mapping mapping, String name, String key) {
            List<String> values = new ArrayList<>();
            List<YamlNode> items = sequence(mapping, name, key);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof YamlNode.Scalar scalar)) {
                    throw new ConfigException(file, key + "[" + i + "]", items.get(i).line(),
                            "wrong kind of value: expected a single value");
                }
                values.add(scalar.text());
            }
            return values;
        }

        private Secret secret(YamlNode.Mapping mapping, String name, String keyPrefix) {
            String reference = text(mapping, name, keyPrefix + "." + name);
            return reference == null ? null : new Secret(reference, keyPrefix + "." + name, file);
        }

        private Duration duration(YamlNode.Mapping mapping, String key, String text) {
            Matcher matcher = DURATION.matcher(text.strip());
            if (!matcher.matches()) {
                throw fail(key, mapping, "'" + text + "' is no duration; write e.g. 24h, 90m or 7d");
            }
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
                if (amount > MAX_DURATION_DAYS * (matcher.group(2).equals("d") ? 1 : 86_400)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw fail(key, mapping, "'" + text + "' is longer than any backup is kept; write e.g. 24h or 7d");
            }
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }

        /**
         * References stand for credentials and URLs only: a folder named by one would be printed in every finding
         * and error, so a pull request could make CI print any variable or readable file.
         */
        private Path resolvePath(String path, YamlNode.Mapping m) {
            if (path.contains("${")) {
                throw fail("migrations.dir", m, "references (${...}) are for credentials and URLs, not folders;"
                        + " write the folder's path, relative to this file");
            }
            Path given;
            try {
                given = Path.of(path);
            } catch (java.nio.file.InvalidPathException e) {
                throw fail("migrations.dir", m, "not a valid path (" + e.getReason() + ")");
            }
            return given.isAbsolute() ? given : file.getParent().resolve(given).normalize();
        }

        private Pattern regex(YamlNode.Mapping m, String name) {
            String key = "migrations." + name;
            String text = text(m, name, key);
            if (text == null) {
                return null;
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw fail(key, m, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            }
            if (!text.contains("(?<version>")) {
                throw fail(key, m, "the regex needs a named group (?<version>...)");
            }
            return pattern;
        }

        /** An error about the value of {@code key}, at the line of its last part in {@code mapping}. */
        private ConfigException fail(String key, YamlNode.Mapping mapping, String problem) {
            String last = key.substring(key.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            Integer line = mapping.keyLines().get(last);
            return new ConfigException(file, key, line == null && mapping.line() > 0 ? mapping.line() : line, problem);
        }

        private static <T> T orElse(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
