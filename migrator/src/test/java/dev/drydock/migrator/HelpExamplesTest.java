package dev.drydock.migrator;

import dev.drydock.backup.cli.BackupDaemonCommand;
import dev.drydock.migrator.cli.MigratorCommand;
import dev.drydock.validator.cli.ValidatorCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example in every {@code --help} of the three tools is one whole line (never wrapped inside a token) and
 * parses as the command it shows: a copied example runs.
 */
class HelpExamplesTest {

    private record Tool(String name, Supplier<Object> command, Function<String[], Integer> run) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool("validator", ValidatorCommand::new, ValidatorCommand::run),
            new Tool("backup-daemon", BackupDaemonCommand::new, BackupDaemonCommand::run),
            new Tool("migrator", MigratorCommand::new, MigratorCommand::run));

    @Test
    void everyExampleIsOneLineThatParses() {
        int examples = 0;
        for (Tool tool : TOOLS) {
            for (List<String> path : commandPaths(new CommandLine(tool.command().get()), new ArrayList<>())) {
                List<String> help = new ArrayList<>(path);
                help.add("--help");
                String text = captured(() -> assertEquals(0, tool.run().apply(help.toArray(String[]::new)), help.toString()));
                assertTrue(text.contains("Examples:"), tool.name() + " " + path + " has examples:\n" + text);
                List<String> lines = text.lines().toList();
                for (int i = lines.indexOf("Examples:") + 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("  #")) {
                        continue;
                    }
                    if (!line.startsWith("  ")) {
                        break; // the text after the examples (exit codes), which starts at the margin
                    }
                    if (!line.startsWith("  " + tool.name() + " ")) {
                        continue; // an example of another tool (backup-daemon list before a migrator restore)
                    }
                    String[] arguments = arguments(line, tool.name());
                    try {
                        new CommandLine(tool.command().get()).parseArgs(arguments);
                    } catch (CommandLine.ParameterException e) {
                        fail(tool.name() + " " + path + ": the example '" + line.strip() + "' does not parse: " + e.getMessage());
                    }
                    if (i + 1 < lines.size() && !lines.get(i + 1).isBlank() && !lines.get(i + 1).startsWith("  ")
                            && !lines.get(i + 1).startsWith("Exit")) {
                        fail(tool.name() + " " + path + ": the example '" + line.strip() + "' is wrapped onto '"
                                + lines.get(i + 1) + "'");
                    }
                    examples++;
                }
            }
        }
        assertTrue(examples > 30, examples + " examples checked");
    }

    /** The words of an example: no tool name, no description (after two spaces or '#'), nothing past a pipe. */
    private static String[] arguments(String line, String tool) {
        String command = line.strip().substring(tool.length()).strip();
        for (String end : new String[] {" #", " | ", " > ", " && "}) { // a comment, or the shell taking over
            int at = command.indexOf(end);
            if (at >= 0) {
                command = command.substring(0, at);
            }
        }
        int description = command.indexOf("  ");
        if (description >= 0) {
            command = command.substring(0, description);
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : command.strip().toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static List<List<String>> commandPaths(CommandLine command, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            paths.addAll(commandPaths(sub.getValue(), path));
        }
        return paths;
    }

    private static synchronized String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
