package dev.drydock.validator.schema;

/**
 * A column as the schema sees it.
 *
 * @param type         normalized ({@link TypeName})
 * @param defaultValue normalized default expression, or null for none
 */
public record Column(String name, String type, boolean notNull, String defaultValue) {

    Column renamed(String newName) {
        return new Column(newName, type, notNull, defaultValue);
    }

    String describe() {
        return type + (notNull ? " not null" : " null") + (defaultValue == null ? "" : " default " + defaultValue);
    }
}
