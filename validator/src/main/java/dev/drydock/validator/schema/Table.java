package dev.drydock.validator.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** A table during replay: columns in declaration order (order is never compared), constraints by name. */
public final class Table {

    private final String name;
    final Map<String, Column> columns;
    final Map<String, Constraint> constraints;

    Table(String name) {
        this(name, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private Table(String name, Map<String, Column> columns, Map<String, Constraint> constraints) {
        this.name = name;
        this.columns = columns;
        this.constraints = constraints;
    }

    public String name() {
        return name;
    }

    public Map<String, Column> columns() {
        return columns;
    }

    public Map<String, Constraint> constraints() {
        return constraints;
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    Table renamed(String newName) {
        return new Table(newName, columns, constraints);
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
        return new Table(name, new LinkedHashMap<>(columns), new LinkedHashMap<>(constraints));
    }
}
