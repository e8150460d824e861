package dev.drydock.backup.dump;

import dev.drydock.shared.BadInputException;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database client tool (pg_dump, pg_restore, mariadb-dump) found on PATH and run as a child process.
 * Credentials go through the child's environment, never its command line, where {@code ps} would show them.
 */
public record ExternalTool(String name, Path executable) {

    private static final int STDERR_KEPT = 4096;

    /** Finds {@code name} on PATH; a missing tool is bad input that names it. */
    public static ExternalTool find(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return new ExternalTool(name, candidate);
            }
        }
        throw new BadInputException(name + " is not on PATH; install the client tools (e.g. apt-get install"
                + " postgresql-client or mariadb-client) or add their folder to PATH");
    }

    /** The first line of {@code <tool> --version}, e.g. {@code pg_dump (PostgreSQL) 15.19}. */
    public String version() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(List.of("--version"), Map.of(), null, out);
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(name).strip();
    }

    /**
     * Runs the tool with {@code stdin} (may be null) fed to it and its standard output copied to {@code stdout};
     * a non-zero exit is an IOException carrying the end of its standard error.
     */
    public void run(List<String> arguments, Map<String, String> environment, InputStream stdin, OutputStream stdout)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> keepTail(process.getErrorStream(), stderr), name + "-stderr");
        errors.start();
        Thread feeder = stdin == null ? null : new Thread(() -> feed(stdin, process.getOutputStream()), name + "-stdin");
        if (feeder != null) {
            feeder.start();
        }
        try (InputStream out = process.getInputStream()) {
            out.transferTo(stdout);
            int exit = process.waitFor();
            errors.join();
            if (feeder != null) {
                feeder.join();
            }
            if (exit != 0) {
                throw new IOException(name + " exited with code " + exit + ": "
                        + stderr.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name + " was interrupted", e);
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void keepTail(InputStream in, ByteArrayOutputStream tail) {
        byte[] buffer = new byte[1024];
        try (in) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (tail) {
                    tail.write(buffer, 0, read);
                    if (tail.size() > STDERR_KEPT * 2) {
                        byte[] all = tail.toByteArray();
                        tail.reset();
                        tail.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is what there is
        }
    }

    private static void feed(InputStream in, OutputStream processInput) {
        try (in; processInput) {
            in.transferTo(processInput);
        } catch (IOException e) {
            // the tool closed its input early; its exit code tells why
        }
    }
}
