package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.schema.TypeName;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.List;

/**
 * An ALTER TABLE action that gives a column another type ({@code ALTER COLUMN c TYPE t}, MySQL's {@code MODIFY} and
 * {@code CHANGE}), with the column's type before it where the replay knows it.
 *
 * @param from the type before, normalized; null when the replay does not know the column
 * @param to   the new type, normalized
 */
record ColumnTypeChange(String column, String from, String to) {

    /** The change {@code action} makes to a column of {@code table}; null when it changes no column's type. */
    static ColumnTypeChange of(StatementSite site, String table, List<SqlToken> action) {
        SqlToken verb = action.get(0);
        boolean mysqlRedefine = verb.isWord("MODIFY") || verb.isWord("CHANGE");
        if (!verb.isWord("ALTER") && !mysqlRedefine || action.size() < 2) {
            return null;
        }
        // ALTER [COLUMN] name [SET DATA] TYPE ...: the column may itself be called "type"
        int nameAt = action.get(1).isWord("COLUMN") ? 2 : 1;
        int typeAt = -1;
        if (nameAt + 1 < action.size() && action.get(nameAt + 1).isWord("TYPE")) {
            typeAt = nameAt + 1;
        } else if (nameAt + 3 < action.size() && action.get(nameAt + 1).isWord("SET")
                && action.get(nameAt + 2).isWord("DATA") && action.get(nameAt + 3).isWord("TYPE")) {
            typeAt = nameAt + 3;
        }
        if (typeAt < 0 && !mysqlRedefine) {
            return null;
        }
        String columnName = AlterTableActions.columnAfter(action, 1);
        Table before = site.schema().table(table);
        Column column = before == null ? null : before.columns().get(columnName);
        // MODIFY [COLUMN] name type ..., CHANGE [COLUMN] old new type ...
        int redefinedTypeAt = (action.get(1).isWord("COLUMN") ? 3 : 2) + (verb.isWord("CHANGE") ? 1 : 0);
        String newType = typeText(action.subList(Math.min(typeAt >= 0 ? typeAt + 1 : redefinedTypeAt, action.size()),
                action.size()));
        String oldType = column == null ? null : column.type();
        String normalized = TypeName.normalize(site.dialect(), newType);
        if (oldType != null && oldType.equals(normalized)) {
            return null; // MODIFY that keeps the type: only nullability or default
        }
        return new ColumnTypeChange(columnName, oldType, normalized);
    }

    /** Whether the database keeps the rows as they are: a longer varchar, varchar to text, ENUM values appended. */
    boolean widens() {
        return from != null && isWidening(from, to);
    }

    /** Whether values may be cut or rejected: a smaller integer, a shorter string. */
    boolean narrows() {
        return from != null && isNarrowing(from, to);
    }

    private static String typeText(List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (SqlToken token : tokens) {
            if (depth == 0 && (token.isWord("USING") || token.isWord("COLLATE") || token.isWord("NOT")
                    || token.isWord("NULL") || token.isWord("DEFAULT") || token.isWord("COMMENT")
                    || token.isWord("AFTER") || token.isWord("FIRST") || token.isWord("CHARACTER"))) {
                break;
            }
            depth += token.nesting();
            text.append(token.text()).append(token.isSymbol('(') ? "" : " ");
        }
        return text.toString().trim();
    }

    /** varchar(n) to a longer varchar or text, and int to bigint, keep PostgreSQL from rewriting or lose nothing. */
    private static boolean isWidening(String from, String to) {
        if (from.startsWith("enum(") && to.startsWith("enum(") && from.endsWith(")") && to.endsWith(")")) {
            // values appended at the end: MySQL changes only the table's metadata while the count stays within a byte
            String before = from.substring(5, from.length() - 1).replace(" ", "");
            String after = to.substring(5, to.length() - 1).replace(" ", "");
            return after.startsWith(before + ",") && after.split(",", -1).length <= 255;
        }
        int oldLength = length(from);
        int newLength = length(to);
        boolean varchar = from.startsWith("character varying") || from.startsWith("varchar");
        if (varchar && (to.equals("text") || to.equals("character varying") || to.equals("varchar"))) {
            return true;
        }
        return varchar && (to.startsWith("character varying") || to.startsWith("varchar")) && newLength >= oldLength;
    }

    private static boolean isNarrowing(String from, String to) {
        List<String> integers = List.of("smallint", "integer", "int", "bigint");
        int a = integers.indexOf(from);
        int b = integers.indexOf(to);
        if (a >= 0 && b >= 0) {
            return b < a && !(from.equals("int") && to.equals("integer"));
        }
        if ((from.equals("text") || from.startsWith("varchar") || from.startsWith("character varying"))
                && (to.startsWith("varchar(") || to.startsWith("character varying(") || to.startsWith("char"))) {
            return from.equals("text") || length(to) < length(from);
        }
        return false;
    }

    private static int length(String type) {
        int open = type.indexOf('(');
        int close = type.indexOf(')');
        if (open < 0 || close < open) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(type.substring(open + 1, close).split(",")[0].trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
