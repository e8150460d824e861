package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a migration tool lays its files out on disk, and the rules its runner follows to order and pair them.
 * The closed set mirrors DESIGN.md's layouts table.
 */
public sealed interface Layout
        permits FlywayLayout, GolangMigrateLayout, DieselLayout, DbmateLayout, WranglerLayout, DrizzleLayout,
        LiquibaseLayout, CustomLayout {

    /** The name used in {@code migrations.layout}. */
    String name();

    /** Every SQL file below {@code dir} that this layout recognizes or should have recognized. */
    List<LayoutFile> scan(Path dir) throws IOException;

    /** The runner's reading of a version string. */
    default Version version(String text) {
        return Version.parse(text);
    }

    /**
     * Whether several migrations may carry one version number, told apart and ordered by their full name
     * (maragudk/migrate and sql-migrate do this with golang-migrate's naming; wrangler tracks file names).
     */
    default boolean versionsMayRepeat() {
        return false;
    }

    /** A per-migration transaction setting kept beside the forward file (Flyway's .sql.conf, diesel's metadata.toml). */
    default Optional<TransactionMode> transactionSetting(Path forwardFile) throws IOException {
        return Optional.empty();
    }

    static Optional<Layout> named(String name) {
        return switch (name) {
            case "flyway" -> Optional.of(new FlywayLayout());
            case "golang-migrate" -> Optional.of(new GolangMigrateLayout());
            case "diesel" -> Optional.of(new DieselLayout());
            case "dbmate" -> Optional.of(new DbmateLayout());
            case "wrangler" -> Optional.of(new WranglerLayout());
            case "drizzle" -> Optional.of(new DrizzleLayout());
            case "liquibase" -> Optional.of(new LiquibaseLayout());
            default -> Optional.empty();
        };
    }

    List<String> NAMES = List.of("flyway", "golang-migrate", "diesel", "dbmate", "wrangler", "drizzle", "liquibase",
            "custom", "auto");
}
