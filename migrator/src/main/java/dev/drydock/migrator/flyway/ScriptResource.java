package dev.drydock.migrator.flyway;

import dev.drydock.shared.migration.Script;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;

/**
 * A forward script as Flyway sees it: named {@code V<version>__<description>.sql} whatever the layout called
 * it, with only its own text (a dbmate file's up section, not the whole file).
 */
final class ScriptResource extends LoadableResource {

    private final Script script;
    private final String flywayName;

    ScriptResource(Script script, String flywayName) {
        this.script = script;
        this.flywayName = flywayName;
    }

    @Override
    public Reader read() {
        return new StringReader(script.text());
    }

    @Override
    public String getAbsolutePath() {
        return script.file().path().toString();
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return script.file().path().toString();
    }

    @Override
    public String getFilename() {
        return flywayName;
    }

    @Override
    public String getRelativePath() {
        return flywayName;
    }
}
