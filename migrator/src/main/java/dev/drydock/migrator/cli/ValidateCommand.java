package dev.drydock.migrator.cli;

import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.validator.report.Report;
import dev.drydock.validator.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code migrator validate}: the validator on the configured set, exactly as the first gate of up and down runs it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Runs the validator on the migration set of drydock.yaml. Exit 0 without errors, 1 with.",
        footerHeading = "%nExamples:%n", footer = {"  migrator --config drydock.yaml validate"})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        Report report = ValidatorGate.report(config, set, discovery);
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        Reporter.forFormat("text", System.console() != null && System.getenv("NO_COLOR") == null).orElseThrow()
                .write(report, out);
        out.flush();
        report.notes().forEach(note -> System.err.println("migrator: note: " + note));
        return report.exitCode(false);
    }
}
