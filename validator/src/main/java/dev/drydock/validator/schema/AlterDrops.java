package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ALTER TABLE drops anywhere among its actions. MySQL and MariaDB judge the statement as a whole, so a
 * column may go before the key that needs it does, in the same statement.
 *
 * @param constraints names after {@code DROP FOREIGN KEY} and {@code DROP CONSTRAINT}
 * @param indexes     names after {@code DROP INDEX} and {@code DROP KEY}
 * @param primaryKey  whether it has {@code DROP PRIMARY KEY}
 * @param columns     names after {@code DROP [COLUMN]}
 */
record AlterDrops(Set<String> constraints, Set<String> indexes, boolean primaryKey, Set<String> columns) {

    static AlterDrops of(List<List<SqlToken>> actions) {
        Set<String> constraints = new HashSet<>();
        Set<String> indexes = new HashSet<>();
        Set<String> columns = new HashSet<>();
        boolean primaryKey = false;
        for (List<SqlToken> action : actions) {
            TokenCursor cursor = new TokenCursor(action);
            if (!cursor.accept("DROP")) {
                continue;
            }
            if (cursor.accept("PRIMARY", "KEY")) {
                primaryKey = true;
                continue;
            }
            Set<String> into = cursor.accept("FOREIGN", "KEY") || cursor.accept("CONSTRAINT") ? constraints
                    : cursor.accept("INDEX") || cursor.accept("KEY") ? indexes
                    : cursor.accept("CHECK") || cursor.accept("PARTITION") || cursor.accept("DEFAULT") ? null
                    : columns;
            if (into == columns) {
                cursor.accept("COLUMN");
            }
            cursor.acceptIfExists();
            String name = cursor.name();
            if (into != null && name != null) {
                into.add(name);
            }
        }
        return new AlterDrops(Set.copyOf(constraints), Set.copyOf(indexes), primaryKey, Set.copyOf(columns));
    }

    /** Whether the statement drops {@code key}, or every one of its columns. */
    boolean dropsKey(Constraint key) {
        return constraints.contains(key.name()) || indexes.contains(key.name())
                || key.kind() == Constraint.Kind.PRIMARY_KEY && primaryKey || columns.containsAll(key.columns());
    }
}
