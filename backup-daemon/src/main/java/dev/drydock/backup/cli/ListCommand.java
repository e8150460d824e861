package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.catalog.CatalogRows;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backup-daemon list}: the catalog, read from the store alone. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the backups in the store, oldest first, with size, migration state and verification.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon list", "  backup-daemon list --env production --json"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "Only this environment's backups.")
    String environment;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<Catalog.Entry> entries = new Catalog(BackupSetup.load(parent.config).store()).entries(Optional.ofNullable(environment));
        if (json) {
            List<Map<String, Object>> rows = CatalogRows.of(entries);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return 0;
        }
        System.out.printf("%-44s %-10s %-8s %12s  %s%n", "ID", "STATUS", "LEVEL", "BYTES", "MIGRATIONS");
        for (Catalog.Entry entry : entries) {
            String migrations = entry.manifest().map(ListCommand::migrations)
                    .orElse(entry.damage().map(why -> "damaged: " + why).orElse("-"));
            String level = entry.verification().map(Verification::level).orElse("-");
            System.out.printf("%-44s %-10s %-8s %12d  %s%n", entry.id(), entry.status(), level, entry.bytes(), migrations);
        }
        return 0;
    }

    private static String migrations(Manifest manifest) {
        List<Manifest.AppliedMigration> applied = manifest.migrationState().applied();
        if (manifest.migrationState().table() == null) {
            return "no history table";
        }
        return applied.size() + " applied" + (applied.isEmpty() ? "" : ", latest " + applied.get(applied.size() - 1).version());
    }
}
