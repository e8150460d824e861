package dev.drydock.validator.schema;

import java.util.List;

/**
 * A table constraint.
 *
 * @param columns    the columns it covers, lower case; for a CHECK the columns its expression mentions
 * @param references for a foreign key, the referenced table; otherwise null
 * @param onDelete   for a foreign key, its ON DELETE action in upper case ({@code NO ACTION} when none is given)
 * @param definition the rest of its definition, normalized, so two constraints compare by what they enforce
 */
public record Constraint(String name, Kind kind, List<String> columns, String references, List<String> refColumns,
                         String onDelete, String definition) {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE }

    public boolean deletesOrNullsChildren() {
        return kind == Kind.FOREIGN_KEY && (onDelete.equals("CASCADE") || onDelete.startsWith("SET"));
    }

    Constraint withColumns(List<String> newColumns, List<String> newRefColumns, String newReferences) {
        return new Constraint(name, kind, newColumns, newReferences, newRefColumns, onDelete, definition);
    }

    String describe() {
        String text = kind.name().toLowerCase().replace('_', ' ') + " (" + String.join(", ", columns) + ")";
        if (kind == Kind.FOREIGN_KEY) {
            text += " references " + references + "(" + String.join(", ", refColumns) + ") on delete "
                    + onDelete.toLowerCase();
        }
        return definition.isEmpty() ? text : text + " " + definition;
    }
}
