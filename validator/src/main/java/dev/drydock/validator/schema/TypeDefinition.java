package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TYPE} on an enum or a composite type, applied to the type's definition as PostgreSQL applies it, so
 * that the type reads as if created so: {@code RENAME VALUE 'a' TO 'b'} and back is the enum it was, and
 * {@code ADD ATTRIBUTE} undone by {@code DROP ATTRIBUTE} the composite type it was. An enum value added stays:
 * PostgreSQL cannot drop one.
 */
final class TypeDefinition {

    private TypeDefinition() {
    }

    /**
     * @param definition the type's text as the model keeps it ({@code as enum ('a', 'b')}, {@code as (x int)})
     * @param action     the tokens after {@code ALTER TYPE name}
     * @return the definition after the action, or null when this is neither such a type nor such an action
     */
    static String altered(String definition, List<SqlToken> action) {
        List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, definition);
        TokenCursor type = new TokenCursor(tokens);
        boolean isEnum = type.accept("AS", "ENUM");
        if (!isEnum && !type.accept("AS") || !type.isSymbol('(')) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.splitOnCommas(type.parenthesized())) {
            elements.add(TokenCursor.normalized(element));
        }
        if (!type.atEnd()) {
            return null;
        }
        boolean changed = isEnum ? enumAction(elements, new TokenCursor(action)) : attributeActions(elements, action);
        return changed ? TokenCursor.normalized(SqlLexer.tokens(Dialect.POSTGRESQL,
                (isEnum ? "as enum (" : "as (") + String.join(", ", elements) + ")")) : null;
    }

    /**
     * Whether PostgreSQL refuses {@code action} on the enum {@code definition} for a label, which is then reported:
     * {@code ADD VALUE 'v'} of a label it has (without IF NOT EXISTS), {@code BEFORE | AFTER 'w'} of one it lacks,
     * {@code RENAME VALUE 'a' TO 'b'} of an {@code a} it lacks or a {@code b} it has.
     */
    static boolean enumLabelProblem(String definition, List<SqlToken> action, String type, List<ReplayProblem> problems) {
        TokenCursor enumType = new TokenCursor(SqlLexer.tokens(Dialect.POSTGRESQL, definition));
        if (!enumType.accept("AS", "ENUM") || !enumType.isSymbol('(')) {
            return false;
        }
        List<String> labels = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.splitOnCommas(enumType.parenthesized())) {
            labels.add(TokenCursor.normalized(element));
        }
        TokenCursor cursor = new TokenCursor(action);
        SqlToken missing = null;
        SqlToken taken = null;
        if (cursor.accept("ADD", "VALUE")) {
            boolean ifNotExists = cursor.acceptIfNotExists();
            SqlToken value = cursor.next();
            if (literal(value) != null && labels.contains(literal(value))) {
                taken = ifNotExists ? null : value;
            } else if (cursor.accept("BEFORE") || cursor.accept("AFTER")) {
                SqlToken neighbour = cursor.next();
                missing = literal(neighbour) != null && !labels.contains(literal(neighbour)) ? neighbour : null;
            }
        } else if (cursor.accept("RENAME", "VALUE")) {
            SqlToken from = cursor.next();
            SqlToken to = cursor.accept("TO") ? cursor.next() : null;
            missing = literal(from) != null && !labels.contains(literal(from)) ? from : null;
            taken = missing == null && literal(to) != null && labels.contains(literal(to)) ? to : null;
        }
        if (missing != null) {
            Replayer.unknown(problems, true, missing, "value " + missing.text() + " of type " + type);
        } else if (taken != null) {
            Replayer.duplicate(problems, true, taken, "value " + taken.text() + " of type " + type);
        }
        return missing != null || taken != null;
    }

    /** {@code ADD VALUE [IF NOT EXISTS] 'v' [BEFORE | AFTER 'w']}, {@code RENAME VALUE 'a' TO 'b'}. */
    private static boolean enumAction(List<String> values, TokenCursor cursor) {
        if (cursor.accept("ADD", "VALUE")) {
            cursor.acceptIfNotExists();
            String value = literal(cursor.next());
            if (value == null) {
                return false;
            }
            if (!values.contains(value)) { // else PostgreSQL skips it (IF NOT EXISTS) or refuses the statement
                boolean before = cursor.accept("BEFORE");
                boolean after = !before && cursor.accept("AFTER");
                int neighbour = before || after ? values.indexOf(literal(cursor.next())) : -1;
                values.add(neighbour < 0 ? values.size() : before ? neighbour : neighbour + 1, value);
            }
            return cursor.atEnd();
        }
        if (cursor.accept("RENAME", "VALUE")) {
            int at = values.indexOf(literal(cursor.next()));
            if (at < 0 || !cursor.accept("TO")) {
                return false;
            }
            String to = literal(cursor.next());
            if (to == null || !cursor.atEnd()) {
                return false;
            }
            values.set(at, to);
            return true;
        }
        return false;
    }

    private static String literal(SqlToken token) {
        return token != null && token.type() == SqlToken.Type.STRING ? token.text() : null;
    }

    /** ADD, DROP, ALTER and RENAME ATTRIBUTE, each action of the list, or false when one is something else. */
    private static boolean attributeActions(List<String> attributes, List<SqlToken> actions) {
        for (List<SqlToken> action : TokenCursor.splitOnCommas(actions)) {
            if (!attributeAction(attributes, new TokenCursor(action))) {
                return false;
            }
        }
        return true;
    }

    private static boolean attributeAction(List<String> attributes, TokenCursor cursor) {
        if (cursor.accept("ADD", "ATTRIBUTE")) {
            List<SqlToken> rest = withoutDropBehaviour(cursor.rest());
            attributes.add(TokenCursor.normalized(rest));
            return !rest.isEmpty();
        }
        if (cursor.accept("DROP", "ATTRIBUTE")) {
            boolean ifExists = cursor.acceptIfExists();
            int at = indexOf(attributes, cursor.name());
            if (at >= 0) {
                attributes.remove(at);
            }
            return at >= 0 || ifExists;
        }
        if (cursor.accept("ALTER", "ATTRIBUTE")) {
            String name = cursor.name();
            int at = indexOf(attributes, name);
            cursor.accept("SET", "DATA");
            if (at < 0 || !cursor.accept("TYPE")) {
                return false;
            }
            attributes.set(at, name + " " + TokenCursor.normalized(withoutDropBehaviour(cursor.rest())));
            return true;
        }
        if (cursor.accept("RENAME", "ATTRIBUTE")) {
            int at = indexOf(attributes, cursor.name());
            String to = cursor.accept("TO") ? cursor.name() : null;
            if (at < 0 || to == null) {
                return false;
            }
            String attribute = attributes.get(at);
            attributes.set(at, to + attribute.substring(attribute.indexOf(' ')));
            return true;
        }
        return false;
    }

    /** The attribute whose definition starts with {@code name}, or -1. */
    private static int indexOf(List<String> attributes, String name) {
        for (int i = 0; name != null && i < attributes.size(); i++) {
            if (attributes.get(i).startsWith(name + " ")) {
                return i;
            }
        }
        return -1;
    }

    /** {@code CASCADE} or {@code RESTRICT} at the end says how dependents are treated, not what the type is. */
    private static List<SqlToken> withoutDropBehaviour(List<SqlToken> tokens) {
        int end = tokens.size();
        if (end > 0 && (tokens.get(end - 1).isWord("CASCADE") || tokens.get(end - 1).isWord("RESTRICT"))) {
            end--;
        }
        return tokens.subList(0, end);
    }
}
