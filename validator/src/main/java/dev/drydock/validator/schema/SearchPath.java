package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's {@code search_path} as a script sets it ({@code SET [SESSION | LOCAL] search_path TO app, public},
 * {@code SELECT set_config('search_path', 'app, public', false)}, {@code RESET search_path}): where an unqualified
 * name is created (the first schema of the path that exists) and where it is found (the first schema of the path
 * that holds it). The path lasts until the end of the script: runners differ on whether a session's settings outlive
 * a migration, and each migration file that relies on a path sets it itself.
 */
final class SearchPath {

    /** The schemas of a path the script set, without {@code $user} and {@code pg_catalog}; empty: the default. */
    private List<String> schemas = List.of();

    void reset() {
        schemas = List.of();
    }

    /** Notes the path a statement sets, if it sets one. */
    void note(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.get(0).isWord("RESET") && tokens.size() > 1 && tokens.get(1).isWord("search_path")) {
            reset();
        } else if (tokens.get(0).isWord("SET")) {
            int at = tokens.size() > 1 && (tokens.get(1).isWord("SESSION") || tokens.get(1).isWord("LOCAL")) ? 2 : 1;
            if (at + 1 < tokens.size() && tokens.get(at).isWord("search_path")
                    && (tokens.get(at + 1).isWord("TO") || tokens.get(at + 1).isSymbol('='))) {
                List<String> written = new ArrayList<>();
                for (SqlToken token : tokens.subList(at + 2, tokens.size())) {
                    if (!token.isSymbol(',')) {
                        written.add(token.type() == SqlToken.Type.STRING ? literal(token) : token.unquoted());
                    }
                }
                set(written);
            }
        } else if (tokens.get(0).isWord("SELECT")) {
            for (int i = 0; i + 4 < tokens.size(); i++) {
                if (tokens.get(i).isWord("set_config") && tokens.get(i + 1).isSymbol('(')
                        && tokens.get(i + 2).type() == SqlToken.Type.STRING
                        && literal(tokens.get(i + 2)).equalsIgnoreCase("search_path") && tokens.get(i + 3).isSymbol(',')
                        && tokens.get(i + 4).type() == SqlToken.Type.STRING) {
                    set(List.of(literal(tokens.get(i + 4)).split(",")));
                }
            }
        }
    }

    private void set(List<String> written) {
        List<String> path = new ArrayList<>();
        for (String schema : written) {
            String name = schema.strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
                name = name.substring(1, name.length() - 1);
            } else {
                name = name.toLowerCase(Locale.ROOT);
            }
            if (!name.isEmpty() && !name.equals("$user") && !name.equals("pg_catalog") && !name.equals("default")) {
                path.add(name);
            }
        }
        // public alone, or nothing usable (an empty path, as pg_dump sets it, qualifies every name): the default
        schemas = path.equals(List.of("public")) ? List.of() : List.copyOf(path);
    }

    /**
     * The model's key for an unqualified {@code name} under this path: the first schema of the path whose object of
     * that name the model holds, else the first schema that exists (where a CREATE puts it). Under the default path,
     * {@code name} itself.
     */
    String resolve(String name, SchemaModel model) {
        if (schemas.isEmpty() || model == null) {
            return name;
        }
        for (String schema : schemas) {
            String candidate = qualified(schema, name);
            if (holds(model, candidate)) {
                return candidate;
            }
        }
        for (String schema : schemas) {
            if (schema.equals("public") || model.objects().containsKey("schema " + schema)) {
                return qualified(schema, name);
            }
        }
        return name;
    }

    private static String qualified(String schema, String name) {
        return schema.equals("public") ? name : schema + "." + name;
    }

    /** Whether the model holds a table, index, view, sequence, type, routine ... under {@code key}. */
    private static boolean holds(SchemaModel model, String key) {
        if (model.table(key) != null || model.indexes().containsKey(key)) {
            return true;
        }
        for (String objectKey : model.objects().keySet()) {
            int at = objectKey.indexOf(' ' + key);
            int end = at + 1 + key.length();
            if (at >= 0 && (end == objectKey.length() || objectKey.charAt(end) == '(')) {
                return true;
            }
        }
        return false;
    }

    private static String literal(SqlToken token) {
        String text = token.text();
        int quote = text.indexOf('\'');
        return quote >= 0 && text.length() > quote + 1 ? text.substring(quote + 1, text.length() - 1) : text;
    }
}
