package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.schema.ReplayProblem;
import dev.drydock.validator.schema.SchemaModel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names whose state a statement changed in a way no static replay can know: a procedure called with them
 * ({@code CALL drop_index('t', 'i')}), a DO block or dynamic SQL mentioning them, a migration's own function
 * called from a SELECT. No unknown-object or duplicate-object rests on such a name until a statement creates or
 * drops it outright again. On PostgreSQL a name written with two cases in quotes ({@code "Users"} and {@code users})
 * is uncertain for good: the model folds them into one.
 */
final class UncertainObjects {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final Set<String> names = new HashSet<>();
    /**
     * On PostgreSQL the model keys names in lower case, while PostgreSQL keeps {@code "Users"} and {@code users}
     * apart; a name written both ways is uncertain for good. The first spelling of each name is kept.
     */
    private final boolean keepsQuotedCase;
    private final Map<String, String> firstSpelling = new HashMap<>();
    private final Set<String> spelledTwoWays = new HashSet<>();

    UncertainObjects(Dialect dialect) {
        this.keepsQuotedCase = dialect == Dialect.POSTGRESQL;
    }

    /** Notes the names {@code statement} may have changed, before it is replayed. */
    void note(ParsedStatement statement, SchemaModel schema) {
        String kind = statement.shape().kind();
        List<SqlToken> tokens = statement.source().tokens();
        if (keepsQuotedCase) {
            noteSpellings(tokens);
        }
        boolean opaque = kind.equals("CALL") || kind.equals("DO") || kind.equals("EXECUTE") || kind.equals("PERFORM")
                || kind.equals("PREPARE") || kind.equals("SET") && buildsStatementText(tokens)
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

    /** Whether {@code name} (lower case) is uncertain: an earlier statement may have changed it unseen, or it is written two ways. */
    boolean mentions(String name) {
        return names.contains(name) || spelledTwoWays.contains(name);
    }

    private void noteSpellings(List<SqlToken> tokens) {
        for (SqlToken token : tokens) {
            boolean quoted = token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
            if (quoted || token.type() == SqlToken.Type.WORD) {
                String spelling = quoted ? token.unquoted() : token.text().toLowerCase(Locale.ROOT);
                String key = spelling.toLowerCase(Locale.ROOT);
                String first = firstSpelling.putIfAbsent(key, spelling);
                if (first != null && !first.equals(spelling)) {
                    spelledTwoWays.add(key);
                }
            }
        }
    }

    /** Whether the problem is about a name some earlier statement made uncertain, or that is written two ways. */
    boolean covers(ReplayProblem problem) {
        return problem.names().stream().anyMatch(this::mentions);
    }

    /**
     * After a statement that creates or drops objects, the names it gives are certain again. An ALTER is not
     * enough: that it runs proves its object exists, but the model, which never saw the object made, still lacks it.
     */
    void settle(ParsedStatement statement) {
        String kind = statement.shape().kind();
        if (kind.startsWith("CREATE") || kind.startsWith("DROP")) {
            statement.shape().objects().forEach(name -> names.remove(name.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * MySQL's dynamic SQL is a string put in a user variable ({@code SET @q = CONCAT('ALTER TABLE ', ...)}), then
     * prepared and executed: the names in that string are the ones the EXECUTE changes, so they count from here.
     */
    private static boolean buildsStatementText(List<SqlToken> tokens) {
        return tokens.size() > 1 && tokens.get(1).text().startsWith("@")
                && tokens.stream().anyMatch(token -> token.type() == SqlToken.Type.STRING);
    }

    private static boolean callsOwnRoutine(List<SqlToken> tokens, SchemaModel schema) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).type() == SqlToken.Type.WORD && tokens.get(i + 1).isSymbol('(')) {
                if (schema.hasRoutine(tokens.get(i).text().toLowerCase(Locale.ROOT), "function", "procedure")) {
                    return true;
                }
            }
        }
        return false;
    }
}
