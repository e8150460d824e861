package dev.drydock.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.validator.cli.ValidatorCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the validator's command line in-process and keeps what it printed and its exit code. */
public record CliRun(int exit, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static synchronized CliRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = ValidatorCommand.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with {@code --format json} and returns the report. */
    public static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        CliRun run = of(all.toArray(String[]::new));
        if (run.exit() == 2) {
            throw new AssertionError("validator exited 2: " + run.err());
        }
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + run.out(), e);
        }
    }

    /** The findings of a JSON report as {@code rule@file-name:line:column}. */
    public static List<String> findings(JsonNode report) {
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            String file = Path.of(finding.get("file").asText()).getFileName().toString();
            findings.add(finding.get("rule").asText() + "@" + file + ":" + finding.get("line").asInt() + ":"
                    + finding.get("column").asInt());
        }
        return findings;
    }

    /** The findings of the named rules only, as {@link #findings(JsonNode)} writes them. */
    public static List<String> findings(JsonNode report, String... rules) {
        List<String> wanted = List.of(rules);
        return findings(report).stream().filter(f -> wanted.contains(f.substring(0, f.indexOf('@')))).toList();
    }

    public static List<String> rules(JsonNode report) {
        List<String> rules = new ArrayList<>();
        report.get("findings").forEach(finding -> rules.add(finding.get("rule").asText()));
        return rules;
    }

    public static Path write(Path dir, String relative, String content) {
        try {
            Path path = dir.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
