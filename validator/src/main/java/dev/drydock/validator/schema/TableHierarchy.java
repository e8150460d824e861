package dev.drydock.validator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's child tables: the partitions of a partitioned table ({@code PARTITION OF}, {@code ATTACH PARTITION})
 * and the children of an inheritance parent ({@code INHERITS}, {@code INHERIT}). Kept as objects that belong to
 * the parent, so that a rollback which leaves a partition attached differs, and read where the database reaches
 * through a parent: DROP TABLE takes the partitions with it (and the children with CASCADE); a column added,
 * dropped, renamed or changed on a partitioned table is so on every partition.
 */
final class TableHierarchy {

    static final String PARTITION = "partition";
    static final String INHERITANCE = "inheritance";

    private TableHierarchy() {
    }

    static void attach(SchemaModel model, String kind, String child, String parent) {
        String key = key(kind, child, parent);
        model.objects.put(kind + " " + key, new SchemaObject(kind, key, parent, ""));
    }

    static void detach(SchemaModel model, String kind, String child, String parent) {
        model.objects.remove(kind + " " + key(kind, child, parent));
    }

    /** The direct children of {@code parent} of one kind. */
    static List<String> children(SchemaModel model, String kind, String parent) {
        List<String> children = new ArrayList<>();
        String prefix = kind + " ";
        for (String key : model.objectsOf(parent)) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                children.add(kind.equals(PARTITION) ? rest : rest.substring(0, rest.lastIndexOf(" of ")));
            }
        }
        return children;
    }

    /** The partitions of {@code parent} and theirs, all the way down. */
    static List<Table> partitionsBelow(SchemaModel model, String parent) {
        List<Table> below = new ArrayList<>();
        for (String child : children(model, PARTITION, parent)) {
            Table table = model.table(child);
            if (table != null && !table.name().equals(parent)) {
                below.add(table);
                below.addAll(partitionsBelow(model, child));
            }
        }
        return below;
    }

    /** A dropped or renamed table is no longer anybody's child under its old name. */
    static void forgetChild(SchemaModel model, String child) {
        model.objects.remove(PARTITION + " " + child);
        String inheritance = INHERITANCE + " " + child + " of ";
        model.objects.keySet().removeIf(key -> key.startsWith(inheritance));
    }

    /** Keeps a renamed child's place under its parents. */
    static void childRenamed(SchemaModel model, String from, String to) {
        List<SchemaObject> links = new ArrayList<>();
        SchemaObject partition = model.objects.get(PARTITION + " " + from);
        if (partition != null) {
            links.add(partition);
        }
        String inheritance = INHERITANCE + " " + from + " of ";
        model.objects.forEach((key, object) -> {
            if (key.startsWith(inheritance)) {
                links.add(object);
            }
        });
        forgetChild(model, from);
        links.forEach(link -> attach(model, link.kind(), to, link.table()));
    }

    /** Whether {@code object} records a child table under its parent. */
    static boolean isLink(SchemaObject object) {
        return object.kind().equals(PARTITION) || object.kind().equals(INHERITANCE);
    }

    /** A link moved under its renamed parent. */
    static SchemaObject underParent(SchemaObject link, String parent) {
        String child = link.kind().equals(PARTITION) ? link.key()
                : link.key().substring(0, link.key().lastIndexOf(" of "));
        return new SchemaObject(link.kind(), key(link.kind(), child, parent), parent, "");
    }

    private static String key(String kind, String child, String parent) {
        return kind.equals(PARTITION) ? child : child + " of " + parent;
    }
}
