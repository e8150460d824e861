package dev.drydock.validator.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema as replaying the migrations leaves it. Names are keys in lower case without the default schema
 * ({@code public.users} and {@code users} are one table), as the databases resolve unquoted names.
 */
public final class SchemaModel {

    final JournaledMap<Table> tables = new JournaledMap<>((name, before, after) -> foreignKeysChanged(name));
    final JournaledMap<Index> indexes = new JournaledMap<>(this::indexChanged);
    final JournaledMap<SchemaObject> objects = new JournaledMap<>(this::objectChanged);

    /** Index names by the table they are on, object keys by theirs: DROP TABLE finds them without a scan. */
    private final Map<String, Set<String>> indexesByTable = new HashMap<>();
    private final Map<String, Set<String>> objectsByTable = new HashMap<>();
    /** Tables whose foreign keys point at a table; brought up to date from {@link #foreignKeysStale} on reading. */
    private final Map<String, Set<String>> referencingTables = new HashMap<>();
    private final Map<String, Set<String>> targetsOf = new HashMap<>();
    private final Set<String> foreignKeysStale = new HashSet<>();
    /** Counts checkpoints, so that a table keeps its image before a migration once per checkpoint. */
    private long checkpoints;
    private boolean recording;

    public SchemaModel() {
    }

    /**
     * Starts keeping what the replay changes, until {@link Checkpoint#end}: the schema as it is now can then be
     * compared with what it becomes, and put back, at a cost proportional to the change. One at a time.
     */
    public Checkpoint checkpoint() {
        checkpoints++;
        recording = true;
        tables.record();
        indexes.record();
        objects.record();
        return new Checkpoint();
    }

    /** The schema as it was at a {@link #checkpoint}, known by what has changed since. */
    public final class Checkpoint {

        private Map<String, Optional<Table>> tablesBefore;
        private Map<String, Optional<Index>> indexesBefore;
        private Map<String, Optional<SchemaObject>> objectsBefore;

        private Checkpoint() {
        }

        private void stop() {
            if (tablesBefore == null) {
                recording = false;
                tablesBefore = tables.stopRecording();
                indexesBefore = indexes.stopRecording();
                objectsBefore = objects.stopRecording();
            }
        }

        /**
         * What the schema at the checkpoint and the schema now disagree on, one phrase per difference, column order
         * ignored. Ends the checkpoint.
         */
        public List<String> differences() {
            stop();
            Map<String, String> expected = new TreeMap<>();
            Map<String, String> actual = new TreeMap<>();
            tablesBefore.forEach((name, was) -> {
                Table now = tables.get(name);
                if (!Objects.equals(was.orElse(null), now)) {
                    was.ifPresent(table -> describe(table, expected));
                    if (now != null) {
                        describe(now, actual);
                    }
                }
            });
            indexesBefore.forEach((key, was) -> {
                Index now = indexes.get(key);
                if (!Objects.equals(was.orElse(null), now)) {
                    was.ifPresent(index -> expected.put("index " + index.name(), index.describe()));
                    if (now != null) {
                        actual.put("index " + now.name(), now.describe());
                    }
                }
            });
            objectsBefore.forEach((key, was) -> {
                SchemaObject now = objects.get(key);
                if (!Objects.equals(was.orElse(null), now) && !sameView(was.orElse(null), now)) {
                    was.ifPresent(object -> expected.put(object.kind() + " " + object.key(), object.definition()));
                    if (now != null) {
                        actual.put(now.kind() + " " + now.key(), now.definition());
                    }
                }
            });
            return compare(expected, actual);
        }

        /** Views are compared as loosely as the databases print them back (see {@link ViewColumns#comparable}). */
        private static boolean sameView(SchemaObject was, SchemaObject now) {
            return was != null && now != null && was.kind().endsWith("view") && was.kind().equals(now.kind())
                    && ViewColumns.comparable(was.definition(), was.usedColumns())
                    .equals(ViewColumns.comparable(now.definition(), now.usedColumns()));
        }

        /** Puts the schema back as it was at the checkpoint. Ends the checkpoint. */
        public void restore() {
            stop();
            tablesBefore.forEach((name, was) -> put(tables, name, was));
            indexesBefore.forEach((key, was) -> put(indexes, key, was));
            objectsBefore.forEach((key, was) -> put(objects, key, was));
        }

        /** Stops keeping changes, leaving the schema as it is. */
        public void end() {
            stop();
        }

        private static <V> void put(JournaledMap<V> map, String key, Optional<V> value) {
            if (value.isPresent()) {
                map.put(key, value.get());
            } else {
                map.remove(key);
            }
        }
    }

    /** Called by a table about to change: keeps its image before the checkpoint, and marks its foreign keys. */
    void tableChanging(Table table) {
        if (recording && table.imageTakenAt != checkpoints && tables.get(table.name()) == table) {
            tables.rememberBefore(table.name(), table.copy());
            table.imageTakenAt = checkpoints;
        }
        foreignKeysStale.add(table.name());
    }

    public Table table(String name) {
        return tables.get(name);
    }

    /** Whether the model has a routine of one of {@code kinds} ({@code function}, {@code procedure}, ...) named so. */
    public boolean hasRoutine(String name, String... kinds) {
        for (String kind : kinds) {
            String prefix = kind + " " + name + "(";
            if (objects.keySet().stream().anyMatch(key -> key.startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the model has a table, view, materialized view or sequence of that name. */
    public boolean hasRelation(String name) {
        return tables.containsKey(name) || objects.containsKey("view " + name)
                || objects.containsKey("materialized view " + name) || objects.containsKey("sequence " + name);
    }

    public Map<String, Index> indexes() {
        return indexes;
    }

    public Map<String, SchemaObject> objects() {
        return objects;
    }

    /**
     * Whether an object of {@code kind} exists ({@code extension}, {@code operator class}): asked only of a name that
     * is otherwise unknown, since it reads every object of the schema.
     */
    public boolean hasAny(String kind) {
        String prefix = kind + " ";
        return objects.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /**
     * Whether {@code key} is qualified with a schema no migration made ({@code auth.users}): the object may be the
     * database's or a platform's own, so its absence from the model proves nothing.
     */
    public boolean inUnmadeSchema(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && !objects.containsKey("schema " + key.substring(0, dot));
    }

    /** A foreign key of {@code table} that points at another table. */
    public record Reference(String table, Constraint constraint) {
    }

    /** The foreign keys of other tables that point at {@code table}, by table name. */
    public List<Reference> referencesTo(String table) {
        return foreignKeysOnto(table, false);
    }

    /** The foreign keys that point at {@code table}, a key of the table itself (a self-reference) included. */
    List<Reference> foreignKeysOnto(String table) {
        return foreignKeysOnto(table, true);
    }

    private List<Reference> foreignKeysOnto(String table, boolean itself) {
        refreshForeignKeys();
        List<Reference> found = new ArrayList<>();
        for (String name : new TreeSet<>(referencingTables.getOrDefault(table, Set.of()))) {
            Table other = tables.get(name);
            if (other == null || !itself && name.equals(table)) {
                continue;
            }
            for (Constraint constraint : other.constraints().values()) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && table.equals(constraint.references())) {
                    found.add(new Reference(name, constraint));
                }
            }
        }
        return found;
    }

    /** The tables with a foreign key to {@code table} (itself included when it references itself). */
    Set<String> tablesReferencing(String table) {
        refreshForeignKeys();
        return new TreeSet<>(referencingTables.getOrDefault(table, Set.of()));
    }

    /** The names of the indexes on {@code table}. */
    Set<String> indexesOn(String table) {
        return new TreeSet<>(indexesByTable.getOrDefault(table, Set.of()));
    }

    /** Whether a trigger is on {@code table}: it may fill in what a statement leaves out. */
    public boolean hasTrigger(String table) {
        return objectsByTable.getOrDefault(table, Set.of()).stream().anyMatch(key -> key.startsWith("trigger "));
    }

    /** The keys of the objects that belong to {@code table} (comments, triggers, policies, sequences it owns). */
    Set<String> objectsOf(String table) {
        return new TreeSet<>(objectsByTable.getOrDefault(table, Set.of()));
    }

    private void foreignKeysChanged(String table) {
        foreignKeysStale.add(table);
    }

    private void refreshForeignKeys() {
        for (String name : foreignKeysStale) {
            for (String target : targetsOf.getOrDefault(name, Set.of())) {
                Set<String> referencing = referencingTables.get(target);
                if (referencing != null) {
                    referencing.remove(name);
                }
            }
            targetsOf.remove(name);
            Table table = tables.get(name);
            if (table == null) {
                continue;
            }
            Set<String> targets = new HashSet<>();
            for (Constraint constraint : table.constraints().values()) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && constraint.references() != null) {
                    targets.add(constraint.references());
                    referencingTables.computeIfAbsent(constraint.references(), key -> new HashSet<>()).add(name);
                }
            }
            if (!targets.isEmpty()) {
                targetsOf.put(name, targets);
            }
        }
        foreignKeysStale.clear();
    }

    private void indexChanged(String key, Index before, Index after) {
        move(indexesByTable, key, before == null ? null : before.table(), after == null ? null : after.table());
    }

    private void objectChanged(String key, SchemaObject before, SchemaObject after) {
        move(objectsByTable, key, before == null ? null : before.table(), after == null ? null : after.table());
    }

    private static void move(Map<String, Set<String>> byTable, String key, String from, String to) {
        if (from != null) {
            Set<String> keys = byTable.get(from);
            if (keys != null) {
                keys.remove(key);
                if (keys.isEmpty()) {
                    byTable.remove(from);
                }
            }
        }
        if (to != null) {
            byTable.computeIfAbsent(to, table -> new HashSet<>()).add(key);
        }
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

    /** Lists, one phrase per difference, what the expected (before) and actual (after) descriptions disagree on. */
    private static List<String> compare(Map<String, String> expected, Map<String, String> actual) {
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

    /** A table described whole: the table, each column, each constraint. */
    private static void describe(Table table, Map<String, String> described) {
        described.put("table " + table.name(), "");
        table.columns().values().forEach(column ->
                described.put("column " + column.name() + " of table " + table.name(), column.describe()));
        table.constraints().values().forEach(constraint ->
                described.put("constraint " + constraint.name() + " of table " + table.name(), constraint.describe()));
    }
}
