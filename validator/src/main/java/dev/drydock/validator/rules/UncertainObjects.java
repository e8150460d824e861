package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.schema.ReplayProblem;
import dev.drydock.validator.schema.SchemaModel;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names whose state a statement changed in a way no static replay can know: a procedure called with them
 * ({@code CALL drop_index('t', 'i')}), a DO block or dynamic SQL mentioning them, a migration's own function
 * called from a SELECT. No unknown-object or duplicate-object rests on such a name until a statement creates or
 * drops it outright again.
 */
final class UncertainObjects {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final Set<String> names = new HashSet<>();

    /** Notes the names {@code statement} may have changed, before it is replayed. */
    void note(ParsedStatement statement, SchemaModel schema) {
        String kind = statement.shape().kind();
        List<SqlToken> tokens = statement.source().tokens();
        boolean opaque = kind.equals("CALL") || kind.equals("DO") || kind.equals("EXECUTE") || kind.equals("PERFORM")
                || kind.equals("SELECT") && callsOwnRoutine(tokens, schema);
        if (!opaque) {
            return;
        }
        for (SqlToken token : tokens) {
            Matcher word = WORD.matcher(token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? "" : token.text());
            while (word.find()) {
                names.add(word.group().toLowerCase(Locale.ROOT));
            }
            if (token.type() == SqlToken.Type.QUOTED_IDENTIFIER) {
                names.add(token.unquoted());
            }
        }
    }

    /** Whether some earlier statement may have made {@code name} (lower case) unseen. */
    boolean mentions(String name) {
        return names.contains(name);
    }

    /** Whether the problem is about a name some earlier statement made uncertain. */
    boolean covers(ReplayProblem problem) {
        return problem.names().stream().anyMatch(names::contains);
    }

    /** After a statement that creates, drops or alters objects, the names it gives are certain again. */
    void settle(ParsedStatement statement) {
        String kind = statement.shape().kind();
        if (kind.startsWith("CREATE") || kind.startsWith("DROP") || kind.startsWith("ALTER")) {
            statement.shape().objects().forEach(name -> names.remove(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static boolean callsOwnRoutine(List<SqlToken> tokens, SchemaModel schema) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).type() == SqlToken.Type.WORD && tokens.get(i + 1).isSymbol('(')) {
                String prefix = tokens.get(i).text().toLowerCase(Locale.ROOT) + "(";
                if (schema.objects().keySet().stream().anyMatch(key -> key.startsWith("function " + prefix)
                        || key.startsWith("procedure " + prefix))) {
                    return true;
                }
            }
        }
        return false;
    }
}
