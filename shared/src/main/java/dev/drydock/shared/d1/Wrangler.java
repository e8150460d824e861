package dev.drydock.shared.d1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.config.WranglerSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One D1 database as wrangler reaches it: every read and write of a D1 environment is a wrangler command, so the
 * team's own tool, login and config decide where it goes. Commands run in the wrangler config's folder,
 * non-interactively (Drydock asks its own confirmations) and without wrangler's usage reporting.
 */
public final class Wrangler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final long TIMEOUT_MINUTES = 30;
    /** Linux caps one command-line argument at 128 KiB. */
    private static final int MAX_COMMAND_BYTES = 100_000;

    private final WranglerSettings settings;
    private final String database;
    private final List<String> command;

    public Wrangler(WranglerSettings settings, String database) {
        this.settings = settings;
        this.database = database;
        this.command = settings.command() != null ? List.of(settings.command().strip().split("\\s+"))
                : onPath("wrangler") ? List.of("wrangler") : List.of("npx", "--yes", "wrangler");
    }

    public WranglerSettings settings() {
        return settings;
    }

    public String database() {
        return database;
    }

    /** How the database is named in messages: {@code d1:app (local)}. */
    public String describe() {
        return "d1:" + database + " (" + settings.location() + (settings.env() == null ? "" : ", wrangler env "
                + settings.env()) + ")";
    }

    /**
     * Runs {@code sql} as one batch ({@code d1 execute --command}): wrangler's local and remote paths both run the
     * batch in one transaction, which is how {@code wrangler d1 migrations apply} applies a migration with its
     * history row. Returns one result per statement.
     */
    public List<JsonNode> execute(String sql) throws WranglerException {
        JsonNode results;
        if (sql.getBytes(StandardCharsets.UTF_8).length <= MAX_COMMAND_BYTES) {
            // one argument, '=' joined: a script that starts with "-- comment" must not be read as an option
            results = json(run(commandLine("execute", "--command=" + sql, "--json")));
        } else {
            // past what one argument may hold; --file runs the same batch locally, and through D1's import remotely
            Path file = null;
            try {
                file = Files.createTempFile("drydock-d1-", ".sql");
                Files.writeString(file, sql);
                results = json(run(commandLine("execute", "--file=" + file, "--yes", "--json")));
            } catch (IOException e) {
                throw e instanceof WranglerException w ? w : new WranglerException("cannot write the batch for "
                        + describe() + ": " + e.getMessage());
            } finally {
                deleteQuietly(file);
            }
        }
        List<JsonNode> out = new ArrayList<>();
        results.forEach(out::add);
        return out;
    }

    /** The rows of a single query. */
    public List<JsonNode> query(String sql) throws WranglerException {
        List<JsonNode> results = execute(sql);
        List<JsonNode> rows = new ArrayList<>();
        if (!results.isEmpty()) {
            results.get(0).path("results").forEach(rows::add);
        }
        return rows;
    }

    /** {@code d1 export}: the database as SQL in {@code output}. */
    public void export(Path output) throws WranglerException {
        run(commandLine("export", "--output", output.toAbsolutePath().toString(), "--skip-confirmation"));
    }

    /** The time-travel bookmark of a remote database now ({@code d1 time-travel info}). */
    public String bookmark() throws WranglerException {
        JsonNode info = json(run(commandLine("time-travel", "info", "--json")));
        JsonNode bookmark = info.path("bookmark");
        if (!bookmark.isTextual()) {
            throw new WranglerException("wrangler d1 time-travel info gave no bookmark for " + describe());
        }
        return bookmark.asText();
    }

    /**
     * {@code d1 time-travel restore}: D1 puts a remote database back to {@code bookmark}, the way a remote D1 backup
     * is restored. Returns wrangler's report of it, which names the bookmark that undoes the restore.
     */
    public String timeTravelRestore(String bookmark) throws WranglerException {
        return run(commandLine("time-travel", "restore", "--bookmark=" + bookmark, "--json"));
    }

    /**
     * Whether wrangler can serve this database at all: that it starts, and for a remote database that it is logged
     * in to Cloudflare (a check that needs no network). The message of the exception names the fix.
     */
    public void checkReady() throws WranglerException {
        List<String> version = new ArrayList<>(command);
        version.add("--version");
        run(version);
        if (!settings.local()) {
            List<String> whoami = new ArrayList<>(command);
            whoami.add("whoami");
            if (run(whoami).contains("not authenticated")) {
                throw new WranglerException(describe() + ": wrangler is not logged in to Cloudflare; run 'wrangler"
                        + " login' as the user the backup daemon runs as, or give the daemon CLOUDFLARE_API_TOKEN and"
                        + " CLOUDFLARE_ACCOUNT_ID");
            }
        }
    }

    /**
     * The full command line for a {@code d1} subcommand on this database. Export has no {@code --persist-to}:
     * wrangler 4 always exports local state from its default folder.
     */
    public List<String> commandLine(String subcommand, String... arguments) {
        List<String> line = new ArrayList<>(command);
        line.add("d1");
        if (subcommand.equals("time-travel")) {
            line.add("time-travel");
            line.add(arguments[0]);
            line.add(database);
            line.addAll(List.of(arguments).subList(1, arguments.length));
        } else {
            line.add(subcommand);
            line.add(database);
            line.addAll(List.of(arguments));
            line.add(settings.local() ? "--local" : "--remote");
        }
        if (settings.env() != null) {
            line.add("--env");
            line.add(settings.env());
        }
        if (settings.config() != null) {
            line.add("--config");
            line.add(settings.config().toAbsolutePath().toString());
        }
        if (settings.persistTo() != null && settings.local() && subcommand.equals("execute")) {
            line.add("--persist-to");
            line.add(settings.persistTo().toAbsolutePath().toString());
        }
        return line;
    }

    private String run(List<String> line) throws WranglerException {
        ProcessBuilder builder = new ProcessBuilder(line).directory(settings.projectDir().toFile())
                .redirectErrorStream(false);
        Map<String, String> environment = builder.environment();
        environment.put("CI", "true");
        environment.put("WRANGLER_SEND_METRICS", "false");
        environment.put("NO_COLOR", "1");
        environment.put("FORCE_COLOR", "0");
        Path errors = null;
        try {
            errors = Files.createTempFile("drydock-wrangler-", ".err");
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new WranglerException("wrangler did not finish within " + TIMEOUT_MINUTES + " minutes on "
                        + describe());
            }
            if (process.exitValue() != 0) {
                throw new WranglerException("wrangler " + String.join(" ", line.subList(command.size(),
                        Math.min(line.size(), command.size() + 2))) + " failed on " + describe() + ": "
                        + failure(out, Files.readString(errors)));
            }
            return out;
        } catch (WranglerException e) {
            throw e;
        } catch (IOException e) {
            throw new WranglerException("cannot run wrangler (" + String.join(" ", command) + "): " + e.getMessage()
                    + "; install it (npm install wrangler, on Node.js 22) or set wrangler.command in drydock.yaml");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WranglerException("interrupted while wrangler ran on " + describe());
        } finally {
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Wrangler's own words for a failure: the JSON error of a --json command, else its ERROR line. */
    static String failure(String out, String err) {
        try {
            JsonNode error = JSON.readTree(out).path("error").path("text");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException notJson) {
            // fall through to the text
        }
        String text = ANSI.matcher(out + "\n" + err).replaceAll("");
        for (String line : text.lines().toList()) {
            int at = line.indexOf("[ERROR]");
            if (at >= 0) {
                return line.substring(at + "[ERROR]".length()).strip();
            }
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("🪵")).toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    }

    private JsonNode json(String out) throws WranglerException {
        try {
            return JSON.readTree(out.substring(Math.max(0, firstJson(out))));
        } catch (IOException e) {
            throw new WranglerException("wrangler's output on " + describe() + " is not the JSON it promises: "
                    + e.getMessage());
        }
    }

    private static int firstJson(String out) {
        int array = out.indexOf('[');
        int object = out.indexOf('{');
        return array < 0 ? object : object < 0 ? array : Math.min(array, object);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
