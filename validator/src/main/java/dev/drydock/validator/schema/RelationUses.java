package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Statements that use relations without changing the schema, checked for names that do not exist:
 * {@code TRUNCATE}, {@code REFRESH MATERIALIZED VIEW}, PostgreSQL's {@code GRANT}, {@code REVOKE}, {@code ANALYZE},
 * {@code VACUUM}, {@code REINDEX} and {@code CLUSTER}, and the sequences {@code nextval}, {@code setval} and {@code currval} name. Never for a
 * name of a schema no migration made.
 */
final class RelationUses {

    private final Replayer replayer;

    RelationUses(Replayer replayer) {
        this.replayer = replayer;
    }

    /** {@code TRUNCATE [TABLE] [ONLY] a [*], b}: the database refuses a table that does not exist. */
    void truncated(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        cursor.accept("TABLE");
        do {
            cursor.accept("ONLY");
            SqlToken at = cursor.peek();
            String name = replayer.key(cursor.name());
            if (name == null) {
                return;
            }
            cursor.acceptSymbol('*');
            if (!model.hasRelation(name) && !model.inUnmadeSchema(name)) {
                Replayer.unknown(problems, true, at, "table " + name);
                return;
            }
        } while (cursor.acceptSymbol(','));
    }

    /**
     * {@code GRANT | REVOKE ... ON [TABLE] a, b TO | FROM ...}: PostgreSQL refuses a relation that does not exist.
     * Other objects ({@code ON ALL TABLES IN SCHEMA}, {@code ON FUNCTION}, ...) are not judged, nor is any name once
     * an extension is created (its tables and views are not in the model: {@code pg_stat_statements}), nor the
     * system's own ({@code pg_...}) or those of a schema no migration made. A column privilege ({@code SELECT (a)})
     * of a column a table lacks is refused too, where the model knows every column of the table.
     */
    void granted(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        List<SqlToken> columns = new ArrayList<>();
        while (!cursor.atEnd() && !cursor.isWord("ON")) {
            if (cursor.isSymbol('(')) {
                // column privileges: SELECT (a, b)
                cursor.parenthesized().stream().filter(token -> !token.isSymbol(',')).forEach(columns::add);
            } else {
                cursor.next();
            }
        }
        if (!cursor.accept("ON") || model.hasAny("extension")) {
            return;
        }
        cursor.accept("TABLE");
        if (cursor.isWord("ALL") || cursor.isWord("SEQUENCE") || cursor.isWord("FOREIGN") || cursor.isWord("LARGE")
                || cursor.isWord("FUNCTION") || cursor.isWord("PROCEDURE") || cursor.isWord("ROUTINE")
                || cursor.isWord("SCHEMA") || cursor.isWord("DATABASE") || cursor.isWord("TYPE") || cursor.isWord("DOMAIN")
                || cursor.isWord("LANGUAGE") || cursor.isWord("TABLESPACE") || cursor.isWord("PARAMETER")) {
            return;
        }
        do {
            SqlToken at = cursor.peek();
            String name = replayer.key(cursor.name());
            if (name == null) {
                return;
            }
            if (!model.hasRelation(name) && !name.startsWith("pg_") && !model.inUnmadeSchema(name)) {
                Replayer.unknown(problems, true, at, "table " + name);
                return; // PostgreSQL stops at the first
            }
            Table table = model.table(name);
            if (table != null && table.columnsKnown()) {
                for (SqlToken column : columns) {
                    String columnName = TokenCursor.unquote(column);
                    if (!table.hasColumn(columnName) && !Table.POSTGRES_SYSTEM_COLUMNS.contains(columnName)) {
                        Replayer.unknown(problems, true, column, "column " + columnName + " of table " + table.name());
                        return;
                    }
                }
            }
        } while (cursor.acceptSymbol(','));
    }

    private static final Set<String> SEQUENCE_FUNCTIONS = Set.of("nextval", "setval", "currval");
    private static final Pattern SERIAL = Pattern.compile("(?i)(small|big)?serial[248]?");

    /**
     * PostgreSQL's {@code nextval('s')}, {@code setval('s', ...)} and {@code currval('s')} read the literal as a
     * relation's name when the statement runs, and refuse one that does not exist: a sequence nothing made, or one
     * still under its old name after its table was renamed ({@code setval('accounts_id_seq', ...)} after
     * {@code ALTER TABLE users RENAME TO accounts}: the sequence is {@code users_id_seq}). Not a statement that
     * makes a serial column, whose sequence it makes too, nor a name written with quotes inside the literal.
     */
    void sequencesCalled(SchemaModel model, List<SqlToken> tokens, List<ReplayProblem> problems) {
        if (tokens.stream().anyMatch(token -> SERIAL.matcher(token.text()).matches())) {
            return;
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            SqlToken literal = tokens.get(i + 2);
            if (tokens.get(i).type() == SqlToken.Type.WORD
                    && SEQUENCE_FUNCTIONS.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))
                    && tokens.get(i + 1).isSymbol('(') && literal.stringValue() != null
                    && !literal.stringValue().contains("\"") && !literal.stringValue().isBlank()) {
                String name = replayer.key(literal.stringValue().strip().toLowerCase(Locale.ROOT));
                if (!model.hasRelation(name) && !model.inUnmadeSchema(name)) {
                    Replayer.unknown(problems, true, literal, "sequence " + name);
                    return;
                }
            }
        }
    }

    private static final Set<String> MAINTENANCE_OPTIONS = Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE");

    /**
     * PostgreSQL's {@code ANALYZE} and {@code VACUUM [options] [table [(columns)], ...]}: each table must exist (a
     * bare ANALYZE, of the whole database, names none).
     */
    void maintained(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        while (cursor.isSymbol('(') || !cursor.atEnd() && MAINTENANCE_OPTIONS.contains(
                cursor.peek().text().toUpperCase(Locale.ROOT)) && cursor.peek().type() == SqlToken.Type.WORD) {
            if (cursor.isSymbol('(')) {
                cursor.parenthesized();
            } else {
                cursor.next();
            }
        }
        do {
            SqlToken at = cursor.peek();
            String name = replayer.key(cursor.name());
            if (name == null) {
                return;
            }
            cursor.parenthesized(); // the columns
            if (!model.hasRelation(name) && !name.startsWith("pg_") && !model.inUnmadeSchema(name)) {
                Replayer.unknown(problems, true, at, "table " + name);
                return;
            }
        } while (cursor.acceptSymbol(','));
    }

    /**
     * {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name}: the view must exist, and CONCURRENTLY needs a unique
     * index of it without a WHERE ("cannot refresh materialized view concurrently").
     */
    void refreshed(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (!cursor.accept("MATERIALIZED", "VIEW")) {
            return;
        }
        boolean concurrently = cursor.accept("CONCURRENTLY");
        SqlToken at = cursor.peek();
        String name = replayer.key(cursor.name());
        if (name == null || model.inUnmadeSchema(name)) {
            return;
        }
        if (!model.objects.containsKey("materialized view " + name)) {
            Replayer.unknown(problems, true, at, "materialized view " + name);
        } else if (concurrently && model.indexesOn(name).stream().map(model.indexes::get)
                .noneMatch(index -> index != null && index.unique() && !index.definition().contains(" where "))) {
            Replayer.unknown(problems, true, at, "unique index on materialized view " + name + " without a WHERE,"
                    + " which REFRESH ... CONCURRENTLY needs,");
        }
    }

    /**
     * PostgreSQL's {@code REINDEX [(options)] INDEX | TABLE [CONCURRENTLY] name}: the index or table must exist.
     * {@code SCHEMA}, {@code DATABASE} and {@code SYSTEM} are not judged.
     */
    void reindexed(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (cursor.isSymbol('(')) {
            cursor.parenthesized();
        }
        boolean index = cursor.accept("INDEX");
        if (!index && !cursor.accept("TABLE")) {
            return;
        }
        cursor.accept("CONCURRENTLY");
        SqlToken at = cursor.peek();
        String name = replayer.key(cursor.name());
        if (name == null || name.startsWith("pg_") || model.inUnmadeSchema(name)) {
            return;
        }
        if (index ? indexTable(model, name) == null : !model.hasRelation(name)) {
            Replayer.unknown(problems, true, at, (index ? "index " : "table ") + name);
        }
    }

    /**
     * PostgreSQL's {@code CLUSTER [VERBOSE] table [USING index]}: the table must exist, and the index must be one of
     * its own ("index ... for table ... does not exist"). A bare CLUSTER, and the old {@code CLUSTER index ON table},
     * are not judged.
     */
    void clustered(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (cursor.isSymbol('(')) {
            cursor.parenthesized();
        }
        cursor.accept("VERBOSE");
        SqlToken at = cursor.peek();
        String table = replayer.key(cursor.name());
        if (table == null || cursor.isWord("ON") || table.startsWith("pg_") || model.inUnmadeSchema(table)) {
            return;
        }
        if (!model.hasRelation(table)) {
            Replayer.unknown(problems, true, at, "table " + table);
            return;
        }
        if (!cursor.accept("USING")) {
            return;
        }
        SqlToken indexAt = cursor.peek();
        String index = replayer.key(cursor.name());
        String owner = index == null ? null : indexTable(model, index);
        if (index != null && (owner == null || model.table(table) != null && !owner.equals(table))) {
            Replayer.unknown(problems, true, indexAt, "index " + index + " on table " + table);
        }
    }

    /**
     * The table a PostgreSQL index is on, whether CREATE INDEX made it or a key's constraint did; null when there is
     * no such index.
     */
    static String indexTable(SchemaModel model, String name) {
        Index index = model.indexes.get(name);
        if (index != null) {
            return index.table();
        }
        Table owner = TableStatements.constraintIndexOwner(model, name);
        return owner == null ? null : owner.name();
    }
}
