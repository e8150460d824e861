package dev.drydock.validator.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table during replay: columns in declaration order (order is never compared), constraints by name.
 *
 * <p>A copy shares its maps with the original until either is changed: a {@link SchemaModel.Checkpoint} keeps a
 * copy of each table a migration changes, taken just before its first change.
 */
public final class Table {

    private final String name;
    private final SchemaModel model;
    /** The columns every PostgreSQL table has without declaring them. */
    public static final List<String> POSTGRES_SYSTEM_COLUMNS = List.of("ctid", "xmin", "xmax", "cmin", "cmax",
            "tableoid");

    private Map<String, Column> columns;
    private Map<String, Constraint> constraints;
    private boolean shared;
    /** Set when some columns came from where the model cannot see (AS SELECT, INHERITS, LIKE an unknown table). */
    private boolean partialColumns;
    /** The checkpoint for which the model keeps this table's image (see {@link SchemaModel#tableChanging}). */
    long imageTakenAt = -1;

    Table(String name, SchemaModel model) {
        this(name, model, new LinkedHashMap<>(), new LinkedHashMap<>(), false);
    }

    private Table(String name, SchemaModel model, Map<String, Column> columns, Map<String, Constraint> constraints,
                  boolean shared) {
        this.name = name;
        this.model = model;
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
        model.tableChanging(this);
        unshare();
        return columns;
    }

    Map<String, Constraint> changeConstraints() {
        model.tableChanging(this);
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

    /** Whether the model knows every column, so that a column it lacks is one the table lacks. */
    public boolean columnsKnown() {
        return !partialColumns && !columns.isEmpty();
    }

    void markColumnsPartial() {
        partialColumns = true;
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    Table renamed(String newName) {
        shared = true;
        Table renamed = new Table(newName, model, columns, constraints, true);
        renamed.partialColumns = partialColumns;
        return renamed;
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
        Table copy = new Table(name, model, columns, constraints, true);
        copy.partialColumns = partialColumns;
        return copy;
    }
}
