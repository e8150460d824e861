package dev.drydock.validator.cli;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.SumFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code validator hash}: records the current history in {@code migrations.sum}. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "(Re)writes migrations.sum inside the migrations folder after a deliberate change to the history.",
        footerHeading = "%nExamples:%n",
        footer = {"  validator hash                           the config's migrations.dir",
                "  validator hash db/migrations             a folder without a config",
                "  validator hash --baseline 41             adopt an existing project: 41 and below are history"})
final class HashCommand implements Callable<Integer> {

    @ParentCommand
    ValidatorCommand parent;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Migrations folders (default: the config's).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "VERSION", description = "Record VERSION as the baseline: migrations at"
            + " or below it are history applied everywhere, and only what concerns history (syntax-error,"
            + " history-mutated, out-of-order, duplicate-version, filename-convention) is reported on them. Without"
            + " it, a baseline already recorded is kept.")
    String baseline;

    @Override
    public Integer call() {
        MigrationTargets targets = new MigrationTargets(Path.of(""), parent.config);
        if (baseline != null && !baseline.matches("\\d+([._]\\d+)*")) {
            throw new BadInputException("--baseline " + baseline + ": write a version, e.g. 41 or 20240101120000");
        }
        for (MigrationSet set : targets.sets(dirs)) {
            Optional<String> kept = SumFile.read(set.sumFile(), set.sumFile().toString()).flatMap(SumFile::baseline);
            SumFile sum = SumFile.of(set).withBaseline(Optional.ofNullable(baseline).or(() -> kept));
            try {
                sum.write(set.sumFile());
            } catch (IOException e) {
                throw new BadInputException(set.sumFile() + ": cannot write (" + e.getMessage() + ")");
            }
            System.out.println("wrote " + set.sumFile() + ": " + sum.entries().size() + " migrations, total " + sum.total()
                    + sum.baseline().map(version -> ", baseline " + version).orElse(""));
        }
        return 0;
    }
}
