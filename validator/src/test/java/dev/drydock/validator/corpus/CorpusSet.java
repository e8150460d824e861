package dev.drydock.validator.corpus;

import dev.drydock.shared.config.ConfigLoader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.CustomLayout;
import dev.drydock.shared.migration.Layout;
import dev.drydock.shared.migration.LayoutDetection;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.testing.Corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every migration set of ../shared/corpora with the config a project would write for it, and what its
 * README says about pairing: forwards without a rollback, rollbacks without a forward.
 */
public record CorpusSet(String name, String dir, String dialect, String layoutYaml, int missing, int orphans) {

    private static final String HARNESS = "layout: custom\n"
            + "  forward: '(?<version>\\d+)(?<description>[\\w-]*)[._]up\\.sql'\n"
            + "  rollback: '(?<version>\\d+)(?<description>[\\w-]*)[._]down\\.sql'\n";
    private static final String MEMOS = "layout: custom\n  forward: '(?<version>\\d+\\.\\d+/\\d+)__(?<description>.+)\\.sql'\n";
    static final int UNKNOWN = -1;

    private static String kratos(String dialect) {
        return "layout: custom\n"
                + "  forward: '(?<version>\\d+)_(?<description>[^.]+)\\." + dialect + "(\\.autocommit)?\\.up\\.sql'\n"
                + "  rollback: '(?<version>\\d+)_(?<description>[^.]+)\\." + dialect + "(\\.autocommit)?\\.down\\.sql'\n";
    }

    public static List<CorpusSet> all() {
        String dspace = "DSpace__DSpace/dspace-api/src/main/resources/org/dspace/storage/rdbms/sqlmigration/";
        String uaa = "cloudfoundry__uaa/server/src/main/resources/org/cloudfoundry/identity/uaa/db/";
        String fineract = "apache__fineract/fineract-provider/src/main/resources/sql/migrations/";
        return List.of(
                new CorpusSet("concourse", "concourse__concourse/atc/db/migration/migrations", "postgresql", "layout: auto\n", 2, 3),
                new CorpusSet("harness-pg", "harness__harness/app/store/database/migrate/postgres", "postgresql", HARNESS, 30, 1),
                new CorpusSet("harness-sqlite", "harness__harness/app/store/database/migrate/sqlite", "sqlite", HARNESS, 27, 1),
                new CorpusSet("kratos-pg", "ory__kratos/persistence/sql/migrations/sql", "postgresql", kratos("postgres"), 1, 0),
                new CorpusSet("kratos-mysql", "ory__kratos/persistence/sql/migrations/sql", "mysql", kratos("mysql"), 10, 5),
                new CorpusSet("kratos-sqlite", "ory__kratos/persistence/sql/migrations/sql", "sqlite", kratos("sqlite3?"), 3, 2),
                new CorpusSet("uaa-pg", uaa + "postgresql", "postgresql", "layout: flyway\n", 89, 0),
                new CorpusSet("uaa-mysql", uaa + "mysql", "mysql", "layout: flyway\n", 88, 0),
                // the README's 73 counts the workflow and metadata sub-sets too; this folder holds 66
                new CorpusSet("dspace-pg", dspace + "postgres", "postgresql", "layout: flyway\n", 66, 0),
                new CorpusSet("dspace-workflow-pg", dspace + "workflow/postgres", "postgresql", "layout: flyway\n", UNKNOWN, 0),
                new CorpusSet("dspace-metadata-pg", dspace + "metadata/postgres", "postgresql", "layout: flyway\n", UNKNOWN, 0),
                new CorpusSet("marquez", "MarquezProject__marquez/api/src/main/resources/marquez/db/migration", "postgresql",
                        "layout: flyway\n", UNKNOWN, 0),
                // 404 files, but V366_remove_leading_...sql has one underscore: Flyway skips it (filename-convention)
                new CorpusSet("fineract-core", fineract + "core_db", "mysql", "layout: flyway\n", 403, 0),
                new CorpusSet("fineract-list", fineract + "list_db", "mysql", "layout: flyway\n", 6, 0),
                new CorpusSet("supabase", "supabase__postgres/migrations/db/migrations", "postgresql", "layout: dbmate\n", UNKNOWN, 0),
                new CorpusSet("supabase-init", "supabase__postgres/migrations/db/init-scripts", "postgresql", "layout: dbmate\n", UNKNOWN, 0),
                new CorpusSet("memos-sqlite", "usememos__memos/store/migration/sqlite", "sqlite", MEMOS, 61, 0),
                new CorpusSet("memos-mysql", "usememos__memos/store/migration/mysql", "mysql", MEMOS, 32, 0),
                new CorpusSet("memos-pg", "usememos__memos/store/migration/postgres", "postgresql", MEMOS, 26, 0),
                new CorpusSet("wildebeest", "cloudflare__wildebeest/migrations", "d1", "layout: wrangler\n", 11, 0),
                new CorpusSet("sonicjs", "lane711__sonicjs/packages/core/migrations", "d1", "layout: wrangler\n", 30, 0),
                new CorpusSet("templates-d1", "cloudflare__templates/d1-template/migrations", "d1", "layout: wrangler\n", 1, 0),
                new CorpusSet("templates-saas", "cloudflare__templates/saas-admin-template/migrations", "d1", "layout: wrangler\n", 3, 0),
                new CorpusSet("templates-openauth", "cloudflare__templates/openauth-template/migrations", "d1", "layout: wrangler\n", 1, 0),
                new CorpusSet("templates-chanfana", "cloudflare__templates/chanfana-openapi-template/migrations", "d1", "layout: wrangler\n", 1, 0));
    }

    /** The migration set, discovered as the validator would with this set's config (written into {@code work}). */
    public MigrationSet discover(Path work) {
        DrydockConfig config = ConfigLoader.load(writeConfig(work));
        var migrations = config.migrations();
        Layout layout = migrations.layout().equals("custom") ? new CustomLayout(migrations.forward(), migrations.rollback())
                : Layout.named(migrations.layout()).orElseGet(() -> LayoutDetection.detect(migrations.dir(), "corpus"));
        return new MigrationDiscovery(work).discover(migrations.dir(), layout, true);
    }

    public Path folder() {
        return Corpora.path(dir);
    }

    /** Writes the drydock.yaml a project would keep for this set, into {@code configDir}. */
    public Path writeConfig(Path configDir) {
        String yaml = "migrations:\n  dir: '" + folder() + "'\n  dialects: [" + dialect + "]\n  " + layoutYaml;
        try {
            Files.createDirectories(configDir);
            return Files.writeString(configDir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
