package dev.drydock.validator.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The schema as replaying the migrations leaves it. Names are keys in lower case without the default schema
 * ({@code public.users} and {@code users} are one table), as the databases resolve unquoted names.
 */
public final class SchemaModel {

    final Map<String, Table> tables;
    final Map<String, Index> indexes;
    final Map<String, SchemaObject> objects;

    public SchemaModel() {
        this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private SchemaModel(Map<String, Table> tables, Map<String, Index> indexes, Map<String, SchemaObject> objects) {
        this.tables = tables;
        this.indexes = indexes;
        this.objects = objects;
    }

    public SchemaModel copy() {
        Map<String, Table> tableCopies = new LinkedHashMap<>();
        tables.forEach((name, table) -> tableCopies.put(name, table.copy()));
        return new SchemaModel(tableCopies, new LinkedHashMap<>(indexes), new LinkedHashMap<>(objects));
    }

    public Table table(String name) {
        return tables.get(name);
    }

    public Map<String, Index> indexes() {
        return indexes;
    }

    public Map<String, SchemaObject> objects() {
        return objects;
    }

    /** The foreign keys of other tables that point at {@code table}. */
    public List<Constraint> referencesTo(String table) {
        List<Constraint> found = new ArrayList<>();
        for (Table other : tables.values()) {
            for (Constraint constraint : other.constraints().values()) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && table.equals(constraint.references())
                        && !other.name().equals(table)) {
                    found.add(constraint);
                }
            }
        }
        return found;
    }

    /**
     * What makes SQLite refuse {@code ALTER TABLE table DROP COLUMN column}: indexes on it, PRIMARY KEY and UNIQUE
     * constraints and CHECKs on several columns that use it, views and triggers that mention it. Empty when SQLite
     * drops it.
     */
    public List<String> sqliteDropColumnBlockers(String table, String column) {
        Table owner = tables.get(table);
        List<String> blockers = new ArrayList<>();
        if (owner == null) {
            return blockers;
        }
        for (Index index : indexes.values()) {
            if (index.table().equals(table) && index.columns().contains(column)) {
                blockers.add("index " + index.name());
            }
        }
        for (Constraint constraint : owner.constraints().values()) {
            // SQLite drops a foreign key column, and a CHECK that reads only the column goes with it.
            boolean blocks = switch (constraint.kind()) {
                case PRIMARY_KEY, UNIQUE -> true;
                case CHECK -> constraint.columns().size() > 1;
                case FOREIGN_KEY, EXCLUDE -> false;
            };
            if (blocks && constraint.columns().contains(column)) {
                blockers.add(constraint.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                        + constraint.name());
            }
        }
        java.util.regex.Pattern mentionsColumn = java.util.regex.Pattern.compile("(?s).*\\b"
                + java.util.regex.Pattern.quote(column) + "\\b.*");
        java.util.regex.Pattern mentionsTable = java.util.regex.Pattern.compile("(?s).*\\b"
                + java.util.regex.Pattern.quote(table) + "\\b.*");
        for (SchemaObject object : objects.values()) {
            boolean dependent = (object.kind().equals("view") || object.kind().equals("trigger"))
                    && mentionsColumn.matcher(object.definition()).matches()
                    && (table.equals(object.table()) || mentionsTable.matcher(object.definition()).matches());
            if (dependent) {
                blockers.add(object.kind() + " " + object.key());
            }
        }
        return blockers;
    }

    /** The table that holds the constraint, or null. */
    public String tableOf(Constraint constraint) {
        for (Table table : tables.values()) {
            if (table.constraints().containsValue(constraint)) {
                return table.name();
            }
        }
        return null;
    }

    /**
     * What {@code this} (the schema before a migration) and {@code after} (after it and its rollback) disagree
     * on, one phrase per difference, column order ignored. Most rollbacks are right, so the objects are compared
     * first and described only where they differ.
     */
    public List<String> differencesFrom(SchemaModel after) {
        if (tables.equals(after.tables) && indexes.equals(after.indexes) && objects.equals(after.objects)) {
            return List.of();
        }
        Map<String, String> expected = describe(after);
        Map<String, String> actual = after.describe(this);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String now = actual.get(entry.getKey());
            if (now == null) {
                if (!coveredByMissingParent(entry.getKey(), expected, actual)) {
                    differences.add(entry.getKey() + " is missing");
                }
            } else if (!Objects.equals(now, entry.getValue())) {
                differences.add(entry.getKey() + " differs: " + entry.getValue() + " before, " + now + " after");
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key) && !coveredByMissingParent(key, actual, expected)) {
                differences.add(key + " is left behind");
            }
        }
        return differences;
    }

    /** A column or constraint of a table that is missing altogether is not listed on its own. */
    private static boolean coveredByMissingParent(String key, Map<String, String> has, Map<String, String> lacks) {
        int on = key.lastIndexOf(" of table ");
        return on > 0 && !lacks.containsKey("table " + key.substring(on + " of table ".length()));
    }

    /** Describes the objects that differ from {@code other} (a table that differs is described whole). */
    private Map<String, String> describe(SchemaModel other) {
        Map<String, String> described = new TreeMap<>();
        for (Table table : tables.values()) {
            Table counterpart = other.tables.get(table.name());
            if (counterpart != null && counterpart.columns().equals(table.columns())
                    && counterpart.constraints().equals(table.constraints())) {
                continue;
            }
            described.put("table " + table.name(), "");
            table.columns().values().forEach(column ->
                    described.put("column " + column.name() + " of table " + table.name(), column.describe()));
            table.constraints().values().forEach(constraint ->
                    described.put("constraint " + constraint.name() + " of table " + table.name(), constraint.describe()));
        }
        indexes.forEach((key, index) -> {
            if (!index.equals(other.indexes.get(key))) {
                described.put("index " + index.name(), index.describe());
            }
        });
        objects.forEach((key, object) -> {
            if (!object.equals(other.objects.get(key))) {
                described.put(object.kind() + " " + object.key(), object.definition());
            }
        });
        return described;
    }
}
