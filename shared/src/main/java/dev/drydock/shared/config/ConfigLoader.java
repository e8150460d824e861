package dev.drydock.shared.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads and checks {@code drydock.yaml}; every problem is a {@link ConfigException} naming the file and the key. */
public final class ConfigLoader {

    public static final String DEFAULT_FILE = "drydock.yaml";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private ConfigLoader() {
    }

    /** Loads {@code file}; it must exist. */
    public static DrydockConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        ConfigFile raw = parse(absolute);
        return new Checked(absolute).config(raw);
    }

    /** Loads {@code ./drydock.yaml} of {@code workingDir} when there is one. */
    public static Optional<DrydockConfig> loadDefault(Path workingDir) {
        Path file = workingDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
    }

    private static ConfigFile parse(Path file) {
        byte[] bytes = new byte[0];
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            bytes = Files.readAllBytes(file);
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                return new ConfigFile(null, null, null, null);
            }
            ConfigFile parsed = mapper.readValue(bytes, ConfigFile.class);
            return parsed == null ? new ConfigFile(null, null, null, null) : parsed;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, null, null, "the config file does not exist; create it (see"
                    + " ops/drydock.example.yaml) or leave out --config to run on the PATH arguments");
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known keys here: "
                    + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList())
                    .stream().collect(Collectors.joining(", "));
            throw new ConfigException(file, keyPath(e), lineOfKey(bytes, e.getPropertyName()), "unknown key" + known);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw new ConfigException(file, null, line(syntax.getLocation()), "not valid YAML: "
                        + firstSentence(syntax.getOriginalMessage()));
            }
            throw new ConfigException(file, keyPath(e), line(e.getLocation()), "wrong kind of value: "
                    + firstSentence(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, null, line(e.getLocation()), "not valid YAML: "
                    + firstSentence(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file, null, null, "cannot read the config file (" + e.getMessage() + ")");
        }
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The line of an unknown key. Jackson buffers a record's properties before it binds them, so its own
     * location is already past the key; the key's first appearance as a mapping key is where it was written.
     */
    private static Integer lineOfKey(byte[] yaml, String key) {
        Pattern keyLine = Pattern.compile("^\\s*(-\\s+)?['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
        List<String> lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (keyLine.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return null;
    }

    private static Integer line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("").strip();
        int cut = first.indexOf(" at [Source");
        return cut > 0 ? first.substring(0, cut) : first;
    }

    /** Checks values and resolves paths against the config file's folder. */
    private record Checked(Path file) {

        DrydockConfig config(ConfigFile raw) {
            return new DrydockConfig(Optional.of(file), migrations(raw.migrations()), validator(raw.validator()),
                    environments(raw.environments()), backup(raw.backup()));
        }

        private MigrationsConfig migrations(ConfigFile.Migrations raw) {
            ConfigFile.Migrations m = raw == null ? new ConfigFile.Migrations(null, null, null, null, null, null) : raw;
            Path dir = resolvePath(m.dir() == null ? "db/migrations" : m.dir());
            String layout = m.layout() == null ? "auto" : m.layout();
            if (!Layout.NAMES.contains(layout)) {
                throw fail("migrations.layout", "'" + layout + "' is no layout; use one of " + String.join(", ", Layout.NAMES));
            }
            Pattern forward = regex("migrations.forward", m.forward());
            Pattern rollback = regex("migrations.rollback", m.rollback());
            if (layout.equals("custom")) {
                if (forward == null) {
                    throw fail("migrations.forward", "the custom layout needs a forward: regex with the named groups"
                            + " version and description, e.g. '(?<version>\\d+)_(?<description>.+)\\.up\\.sql'");
                }
                requireGroup("migrations.forward", forward);
                if (rollback != null) {
                    requireGroup("migrations.rollback", rollback);
                }
            } else if (forward != null || rollback != null) {
                throw fail(forward != null ? "migrations.forward" : "migrations.rollback",
                        "only the custom layout takes regexes; set layout: custom or remove the key");
            }
            List<DialectTarget> dialects = new ArrayList<>();
            List<String> names = m.dialects() == null ? List.of() : m.dialects();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                int index = i;
                dialects.add(DialectTarget.parse(name == null ? "" : name).orElseThrow(() -> fail(
                        "migrations.dialects[" + index + "]", "'" + name + "' is no dialect; use postgresql, mysql,"
                                + " mariadb, sqlite or d1, optionally with a version (postgresql:15, sqlite:3.40)")));
            }
            boolean transactional = m.transactional() == null || m.transactional();
            return new MigrationsConfig(dir, layout, forward, rollback, dialects, transactional);
        }

        private ValidatorConfig validator(ConfigFile.Validator raw) {
            if (raw == null) {
                return ValidatorConfig.defaults();
            }
            Map<String, String> rules = raw.rules() == null ? Map.of() : raw.rules();
            rules.forEach((rule, severity) -> {
                if (severity == null || !ValidatorConfig.SEVERITIES.contains(severity)) {
                    throw fail("validator.rules." + rule, "'" + severity + "' is no severity; use "
                            + String.join(", ", ValidatorConfig.SEVERITIES));
                }
            });
            return new ValidatorConfig(rules, raw.largeTables() == null ? List.of() : raw.largeTables());
        }

        private Map<String, EnvironmentConfig> environments(Map<String, ConfigFile.Environment> raw) {
            Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
            if (raw == null) {
                return environments;
            }
            raw.forEach((name, e) -> {
                String key = "environments." + name;
                if (e == null || e.url() == null) {
                    throw fail(key + ".url", "every environment needs a JDBC url, e.g. jdbc:sqlite:./dev.db");
                }
                boolean required = e.backup() != null && Boolean.TRUE.equals(e.backup().required());
                Duration maxAge = e.backup() == null || e.backup().maxAge() == null ? Duration.ofHours(24)
                        : duration(key + ".backup.maxAge", e.backup().maxAge());
                environments.put(name, new EnvironmentConfig(name, e.url(), secret(key + ".user", e.user()),
                        secret(key + ".password", e.password()), Boolean.TRUE.equals(e.protectedEnvironment()),
                        required, maxAge, file));
            });
            return environments;
        }

        private BackupConfig backup(ConfigFile.Backup raw) {
            if (raw == null) {
                return BackupConfig.defaults();
            }
            BackupConfig.S3 s3 = raw.s3() == null ? null : new BackupConfig.S3(raw.s3().endpoint(), raw.s3().region(),
                    Boolean.TRUE.equals(raw.s3().pathStyle()), raw.s3().sse(), raw.s3().storageClass(),
                    secret("backup.s3.accessKeyId", raw.s3().accessKeyId()),
                    secret("backup.s3.secretAccessKey", raw.s3().secretAccessKey()));
            List<BackupConfig.Job> jobs = new ArrayList<>();
            List<ConfigFile.Job> rawJobs = raw.jobs() == null ? List.of() : raw.jobs();
            for (int i = 0; i < rawJobs.size(); i++) {
                jobs.add(job("backup.jobs[" + i + "]", rawJobs.get(i)));
            }
            BackupConfig.Cluster cluster = raw.cluster() == null ? null : new BackupConfig.Cluster(raw.cluster().url(),
                    secret("backup.cluster.user", raw.cluster().user()),
                    secret("backup.cluster.password", raw.cluster().password()));
            String bind = raw.http() == null || raw.http().bind() == null ? "127.0.0.1" : raw.http().bind();
            int port = raw.http() == null || raw.http().port() == null ? 9464 : raw.http().port();
            String store = raw.store() == null ? "file:./backups" : raw.store();
            if (!store.startsWith("file:") && !store.startsWith("s3://")) {
                throw fail("backup.store", "'" + store + "' is no store; use file:./backups or s3://bucket/prefix");
            }
            return new BackupConfig(store, s3, bind, port, jobs, cluster);
        }

        private BackupConfig.Job job(String key, ConfigFile.Job raw) {
            if (raw == null || raw.environment() == null || raw.schedule() == null) {
                throw fail(key, "a backup job needs environment: and schedule: (a Quartz cron, e.g. '0 0 2 * * ?')");
            }
            String verify = raw.verify() == null ? "checksum" : raw.verify();
            if (!verify.equals("checksum") && !verify.equals("restore")) {
                throw fail(key + ".verify", "'" + verify + "' is no verification level; use checksum or restore");
            }
            ConfigFile.Retention r = raw.retention();
            BackupConfig.Retention retention = r == null ? new BackupConfig.Retention(3, 7, 4, 6)
                    : new BackupConfig.Retention(orElse(r.keepLast(), 3), orElse(r.daily(), 0), orElse(r.weekly(), 0),
                    orElse(r.monthly(), 0));
            return new BackupConfig.Job(raw.environment(), raw.schedule(), verify, raw.verifyUrl(), retention);
        }

        private static int orElse(Integer value, int fallback) {
            return value == null ? fallback : value;
        }

        private Secret secret(String key, String reference) {
            return reference == null ? null : new Secret(reference, key, file);
        }

        private Duration duration(String key, String text) {
            var matcher = DURATION.matcher(text.strip());
            if (!matcher.matches()) {
                throw fail(key, "'" + text + "' is no duration; write e.g. 24h, 90m or 7d");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }

        private Path resolvePath(String path) {
            Path given = Path.of(References.resolve(path, "migrations.dir", file));
            return given.isAbsolute() ? given : file.getParent().resolve(given).normalize();
        }

        private Pattern regex(String key, String text) {
            if (text == null) {
                return null;
            }
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw fail(key, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            }
        }

        private void requireGroup(String key, Pattern pattern) {
            if (!pattern.pattern().contains("(?<version>")) {
                throw fail(key, "the regex needs a named group (?<version>...)");
            }
        }

        private ConfigException fail(String key, String problem) {
            return new ConfigException(file, key, null, problem);
        }
    }
}
