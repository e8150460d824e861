package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.SchemaObject;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AddColumn;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AlterColumn;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code new-enum-value-in-transaction}: PostgreSQL lets {@code ALTER TYPE ... ADD VALUE} run in a transaction, but
 * refuses to use the new value before that transaction commits ("unsafe use of new value"). In a migration the
 * runner wraps in one transaction, a value added and then written, cast or made a default further down fails
 * there. Only uses the statement states outright count: a cast ({@code 'v'::mood}), a value written by INSERT ...
 * VALUES or UPDATE ... SET into a column of the type, a DEFAULT of such a column. Checked on PostgreSQL 15.
 */
final class NewEnumValueInTransaction implements StatementRules {

    static final Rule RULE = Rule.of("new-enum-value-in-transaction", Severity.ERROR, "safety",
            "an enum value used in the transaction that added it",
            "PostgreSQL refuses to use a value ALTER TYPE ... ADD VALUE added until the transaction that added it"
                    + " commits, and the runner runs this migration in one transaction. Add the value in a"
                    + " migration of its own (or one that runs outside a transaction: '-- drydock:no-transaction',"
                    + " dbmate's transaction:false, diesel's run_in_transaction = false), and use it in the next.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "CREATE TYPE mood AS ENUM ('ok');\nALTER TABLE users ADD COLUMN m mood;\n"
                    + "ALTER TYPE mood ADD VALUE 'sad';\nUPDATE users SET m = 'sad' WHERE age > 90;",
                    "ALTER TABLE users DROP COLUMN m;\nDROP TYPE mood;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        ScriptState state = site.state();
        String kind = site.kind();
        if (kind.equals("COMMIT") || kind.equals("END") || kind.equals("ROLLBACK") || kind.equals("ABORT")) {
            state.enumValuesAdded.clear(); // committed (or gone): usable from here on
            return;
        }
        if (kind.equals("ALTER TYPE")) {
            added(site, state);
            return;
        }
        if (state.enumValuesAdded.isEmpty() || !runsInOneTransaction(site)) {
            return;
        }
        SqlToken use = castUse(site, state);
        for (ColumnWrite write : ColumnWrite.of(site)) {
            if (use == null && isNewValue(site, write.column().type(), write.literal())) {
                use = write.value().get(0);
            }
        }
        if (use == null) {
            use = defaultUse(site, state);
        }
        if (use != null) {
            site.report(sink, RULE, use, null, "the enum value " + use.text() + " was added by ALTER TYPE ... ADD VALUE"
                    + " earlier in this migration, which runs in one transaction: PostgreSQL refuses to use it before"
                    + " that transaction commits; add the value in a migration of its own and use it in the next");
        }
    }

    /** {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' ...}: remembers v when it is certainly new. */
    private static void added(StatementSite site, ScriptState state) {
        List<SqlToken> tokens = site.tokens();
        int add = site.indexOfWord("ADD");
        if (add < 3 || add + 2 >= tokens.size() || !tokens.get(add + 1).isWord("VALUE")) {
            return;
        }
        int value = add + 2;
        boolean ifNotExists = tokens.get(value).isWord("IF");
        value += ifNotExists ? 3 : 0;
        if (value >= tokens.size() || tokens.get(value).stringValue() == null) {
            return;
        }
        String type = typeKey(site, tokens.subList(2, add));
        if (ifNotExists) {
            // the value may be there already, and then using it is fine: only a type the replay knows can tell
            SchemaObject known = site.schema().objects().get("type " + type);
            if (known == null || known.definition().contains(tokens.get(value).text())) {
                return;
            }
        }
        state.enumValuesAdded.computeIfAbsent(type, t -> new HashSet<>()).add(tokens.get(value).stringValue());
    }

    /** Whether the statement runs in the transaction that added the value: the runner's, or the script's own. */
    private static boolean runsInOneTransaction(StatementSite site) {
        return site.migration().transaction().inTransaction() || site.state().openTransactions > 0;
    }

    /** {@code 'v'::type} or {@code CAST('v' AS type)} of a value added in this transaction. */
    private static SqlToken castUse(StatementSite site, ScriptState state) {
        List<SqlToken> tokens = site.tokens();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            SqlToken literal = tokens.get(i);
            if (literal.type() != SqlToken.Type.STRING) {
                continue;
            }
            int type = tokens.get(i + 1).isSymbol(':') && tokens.get(i + 2).isSymbol(':') ? i + 3
                    : tokens.get(i + 1).isWord("AS") && i > 1 && tokens.get(i - 2).isWord("CAST") ? i + 2 : -1;
            if (type > 0 && isNewValue(site, typeName(tokens, type), literal.stringValue())) {
                return literal;
            }
        }
        return null;
    }

    /** {@code ALTER COLUMN c SET DEFAULT 'v'} or {@code ADD COLUMN c type DEFAULT 'v'} with v new to c's type. */
    private static SqlToken defaultUse(StatementSite site, ScriptState state) {
        List<AlterAction> actions = site.alterActions();
        Table table = actions.isEmpty() ? null : site.schema().table(site.object());
        List<SqlToken> tokens = site.tokens();
        for (int a = 0; a < actions.size(); a++) {
            AlterAction action = actions.get(a);
            String type = null;
            if (action instanceof AddColumn add) {
                type = add.column().type();
            } else if (action instanceof AlterColumn alter && alter.change() == AlterColumn.Change.SET_DEFAULT
                    && table != null) {
                Column column = table.columns().get(alter.column());
                type = column == null ? null : column.type();
            }
            int from = tokens.indexOf(action.at());
            int to = a + 1 < actions.size() ? tokens.indexOf(actions.get(a + 1).at()) : tokens.size();
            for (int i = Math.max(from, 0); type != null && i + 1 < to; i++) {
                SqlToken value = tokens.get(i + 1);
                if (tokens.get(i).isWord("DEFAULT") && value.type() == SqlToken.Type.STRING
                        && isNewValue(site, type, value.stringValue())) {
                    return value;
                }
            }
        }
        return null;
    }

    private static boolean isNewValue(StatementSite site, String type, String value) {
        if (type == null || value == null) {
            return false;
        }
        Set<String> values = site.state().enumValuesAdded.get(site.names().key(type.toLowerCase(Locale.ROOT)));
        return values != null && values.contains(value);
    }

    private static String typeKey(StatementSite site, List<SqlToken> name) {
        StringBuilder text = new StringBuilder();
        for (SqlToken part : name) {
            text.append(part.isSymbol('.') ? "." : part.unquoted());
        }
        return site.names().key(text.toString().toLowerCase(Locale.ROOT));
    }

    /** The (possibly schema-qualified) type name starting at {@code at}. */
    private static String typeName(List<SqlToken> tokens, int at) {
        StringBuilder name = new StringBuilder(tokens.get(at).unquoted());
        for (int i = at + 1; i + 1 < tokens.size() && tokens.get(i).isSymbol('.'); i += 2) {
            name.append('.').append(tokens.get(i + 1).unquoted());
        }
        return name.toString();
    }

}
