package dev.drydock.migrator.flyway;

import dev.drydock.shared.migration.Migration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;

/**
 * Flyway's script config file ({@code V3__x.sql.conf}) for a migration that must run outside a transaction, made
 * from what discovery read (diesel's metadata.toml, a {@code -- drydock:no-transaction} line, a dbmate option, the
 * config's {@code transactional: false}), so Flyway runs it as every other runner of the layout would.
 */
final class ScriptConfigResource extends LoadableResource {

    private final Migration migration;
    private final String name;

    ScriptConfigResource(Migration migration, String scriptName) {
        this.migration = migration;
        this.name = scriptName + ".conf";
    }

    @Override
    public Reader read() {
        return new StringReader("# " + migration.transaction().decidedBy() + "\nexecuteInTransaction=false\n");
    }

    @Override
    public String getAbsolutePath() {
        return migration.forward().file().path() + ".conf";
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return getAbsolutePath();
    }

    @Override
    public String getFilename() {
        return name;
    }

    @Override
    public String getRelativePath() {
        return name;
    }
}
