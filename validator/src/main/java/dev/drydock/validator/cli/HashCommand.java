package dev.drydock.validator.cli;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.SumFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code validator hash}: records the current history in {@code migrations.sum}. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "(Re)writes migrations.sum inside the migrations folder after a deliberate change to the history.",
        footerHeading = "%nExamples:%n",
        footer = {"  validator hash                 the config's migrations.dir",
                "  validator hash db/migrations   a folder without a config"})
final class HashCommand implements Callable<Integer> {

    @ParentCommand
    ValidatorCommand parent;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Migrations folders (default: the config's).")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        MigrationTargets targets = new MigrationTargets(Path.of(""), parent.config);
        for (MigrationSet set : targets.sets(dirs)) {
            SumFile sum = SumFile.of(set);
            try {
                sum.write(set.sumFile());
            } catch (IOException e) {
                throw new BadInputException(set.sumFile() + ": cannot write (" + e.getMessage() + ")");
            }
            System.out.println("wrote " + set.sumFile() + ": " + sum.entries().size() + " migrations, total " + sum.total());
        }
        return 0;
    }
}
