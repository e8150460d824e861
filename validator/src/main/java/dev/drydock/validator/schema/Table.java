package dev.drydock.validator.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table during replay: columns in declaration order (order is never compared), constraints by name.
 *
 * <p>A copy shares its maps with the original until either is changed: the replay copies the whole schema once
 * per migration, and most migrations touch few tables.
 */
public final class Table {

    private final String name;
    private Map<String, Column> columns;
    private Map<String, Constraint> constraints;
    private boolean shared;

    Table(String name) {
        this(name, new LinkedHashMap<>(), new LinkedHashMap<>(), false);
    }

    private Table(String name, Map<String, Column> columns, Map<String, Constraint> constraints, boolean shared) {
        this.name = name;
        this.columns = columns;
        this.constraints = constraints;
        this.shared = shared;
    }

    public String name() {
        return name;
    }

    /** The columns, to read. */
    public Map<String, Column> columns() {
        return columns;
    }

    /** The constraints, to read. */
    public Map<String, Constraint> constraints() {
        return constraints;
    }

    /** Whether one of this table's foreign keys points at {@code table}. */
    boolean references(String table) {
        for (Constraint constraint : constraints.values()) {
            if (table.equals(constraint.references())) {
                return true;
            }
        }
        return false;
    }

    Map<String, Column> changeColumns() {
        unshare();
        return columns;
    }

    Map<String, Constraint> changeConstraints() {
        unshare();
        return constraints;
    }

    private void unshare() {
        if (shared) {
            columns = new LinkedHashMap<>(columns);
            constraints = new LinkedHashMap<>(constraints);
            shared = false;
        }
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    Table renamed(String newName) {
        shared = true;
        return new Table(newName, columns, constraints, true);
    }

    /** Equal when name, columns and constraints are; column order is not compared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Table table && name.equals(table.name) && columns.equals(table.columns)
                && constraints.equals(table.constraints);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    Table copy() {
        shared = true;
        return new Table(name, columns, constraints, true);
    }
}
