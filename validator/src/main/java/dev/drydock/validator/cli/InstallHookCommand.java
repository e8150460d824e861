package dev.drydock.validator.cli;

import dev.drydock.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code validator install-hook}: a git pre-commit hook that validates the staged migration files. */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = "Writes .git/hooks/pre-commit so that every commit validates its staged .sql files.",
        footerHeading = "%nExamples:%n",
        footer = {"  validator install-hook", "  validator install-hook --force   replace an existing hook (kept as pre-commit.bak)"})
final class InstallHookCommand implements Callable<Integer> {

    static final String MARK = "# installed by drydock validator install-hook";

    @ParentCommand
    ValidatorCommand parent;

    @Option(names = "--force", description = "Replace an existing pre-commit hook, keeping it as pre-commit.bak.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path gitDir = findGitDir(Path.of("").toAbsolutePath()).orElseThrow(() -> new BadInputException(
                "not inside a git repository; run install-hook from your project's checkout"));
        Path hook = gitDir.resolve("hooks").resolve("pre-commit");
        if (Files.exists(hook) && !Files.readString(hook).contains(MARK)) {
            if (!force) {
                throw new BadInputException(hook + " exists and was not written by drydock; add the line from"
                        + " 'validator install-hook --help' to it, or rerun with --force to replace it");
            }
            Files.copy(hook, hook.resolveSibling("pre-commit.bak"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, script());
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.out.println("installed " + hook);
        return 0;
    }

    private String script() {
        String launcher = Optional.ofNullable(System.getProperty("drydock.launcher"))
                .map(path -> "'" + path + "'")
                .orElse("java -jar '" + jarPath() + "'");
        String configOption = parent.config == null ? "" : " --config '" + parent.config.toAbsolutePath() + "'";
        return "#!/bin/sh\n" + MARK + "\n"
                + "# Validates the staged migration files; the whole folder is still read for history and pairing.\n"
                + "git diff --cached --name-only -z --diff-filter=ACMR -- '*.sql' \\\n"
                + "  | xargs -0 -r " + launcher + configOption + "\n";
    }

    private static String jarPath() {
        try {
            return Path.of(InstallHookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "validator.jar";
        }
    }

    private static Optional<Path> findGitDir(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return Optional.of(git);
            }
        }
        return Optional.empty();
    }
}
