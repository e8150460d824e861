package dev.drydock.migrator.flyway;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands Flyway the forward scripts of a discovered set, each under the name Flyway's own convention gives its
 * canonical version, so every layout (golang-migrate, diesel, dbmate, wrangler, custom) applies through Flyway
 * and its history table. Rollback scripts are never offered: Flyway cannot run them by mistake.
 */
public final class DiscoveredScripts implements ResourceProvider {

    private final Map<String, LoadableResource> byName = new LinkedHashMap<>();

    public DiscoveredScripts(MigrationSet set) {
        for (Migration migration : set.migrations()) {
            String name = flywayName(migration);
            byName.put(name, new ScriptResource(migration.forward(), name));
            if (!migration.transaction().inTransaction()) {
                byName.put(name + ".conf", new ScriptConfigResource(migration, name));
            }
        }
    }

    /** {@code V1.2__add_email.sql}, or {@code R__views.sql} for a repeatable migration. */
    public static String flywayName(Migration migration) {
        String words = (migration.description().isBlank() ? migration.id() : migration.description())
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String description = words.isEmpty() ? "migration" : words;
        return migration.version().map(version -> "V" + version.canonical() + "__" + description + ".sql")
                .orElse("R__" + description + ".sql");
    }

    @Override
    public LoadableResource getResource(String name) {
        return byName.get(name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        byName.forEach((name, resource) -> {
            if (name.startsWith(prefix) && endsWithAny(name, suffixes)) {
                found.add(resource);
            }
        });
        return found;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
