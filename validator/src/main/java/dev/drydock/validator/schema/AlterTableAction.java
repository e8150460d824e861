package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** One comma-separated action of an ALTER TABLE, applied to the table it names. */
final class AlterTableAction {

    private final TableStatements tables;
    private final SchemaModel model;
    private final Table table;
    private final AlterDrops drops;
    private final boolean soleAction;
    private final List<SqlToken> keyColumns;
    private final List<ReplayProblem> problems;

    /**
     * @param drops      what the whole statement drops, whichever action does it
     * @param soleAction whether this is the statement's only action: PostgreSQL adds columns and keys before
     *                   foreign keys whatever their order, so only then is a key the table itself lacks missing
     * @param keyColumns collects the columns the keys added name, looked for once every action is applied
     */
    AlterTableAction(TableStatements tables, SchemaModel model, Table table, AlterDrops drops, boolean soleAction,
                     List<SqlToken> keyColumns, List<ReplayProblem> problems) {
        this.tables = tables;
        this.model = model;
        this.table = table;
        this.drops = drops;
        this.soleAction = soleAction;
        this.keyColumns = keyColumns;
        this.problems = problems;
    }

    /** Applies the action; returns the table's name after it (changed only by RENAME TO). */
    String apply(TokenCursor cursor) {
        if (cursor.accept("ADD")) {
            add(cursor);
        } else if (cursor.accept("DROP")) {
            drop(cursor);
        } else if (cursor.accept("ALTER")) {
            alterColumn(cursor);
        } else if (cursor.accept("RENAME")) {
            return rename(cursor);
        } else if (cursor.accept("SET", "SCHEMA")) {
            return moveToSchema(cursor);
        } else if (cursor.accept("MODIFY")) {
            cursor.accept("COLUMN");
            replaceColumn(cursor, null);
        } else if (cursor.accept("CHANGE")) {
            cursor.accept("COLUMN");
            SqlToken at = cursor.peek();
            replaceColumn(cursor, at);
        } else if (cursor.accept("ENABLE", "ROW", "LEVEL", "SECURITY")) {
            setFlag("row level security");
        } else if (cursor.accept("FORCE", "ROW", "LEVEL", "SECURITY")) {
            setFlag("forced row level security");
        } else if (cursor.accept("DISABLE", "ROW", "LEVEL", "SECURITY")) {
            model.objects.remove("row level security " + table.name());
        } else if (cursor.accept("NO", "FORCE", "ROW", "LEVEL", "SECURITY")) {
            model.objects.remove("forced row level security " + table.name());
        } else if (cursor.accept("ATTACH", "PARTITION")) {
            link(cursor, TableHierarchy.PARTITION, table.name(), true);
        } else if (cursor.accept("DETACH", "PARTITION")) {
            link(cursor, TableHierarchy.PARTITION, table.name(), false);
        } else if (cursor.accept("INHERIT")) {
            link(cursor, TableHierarchy.INHERITANCE, null, true);
        } else if (cursor.accept("NO", "INHERIT")) {
            link(cursor, TableHierarchy.INHERITANCE, null, false);
        } else if (cursor.accept("VALIDATE", "CONSTRAINT")) {
            SqlToken at = cursor.peek();
            String name = cursor.name();
            if (name != null && !table.constraints().containsKey(name)) {
                Replayer.unknown(problems, true, at, "constraint " + name + " of table " + table.name());
            }
        }
        return table.name();
    }

    /**
     * {@code ATTACH | DETACH PARTITION child} on the parent ({@code parent} is this table), {@code [NO] INHERIT
     * parent} on the child ({@code parent} null: named next).
     */
    private void link(TokenCursor cursor, String kind, String parent, boolean attach) {
        if (tables.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        SqlToken at = cursor.peek();
        String other = tables.key(cursor.name());
        if (other == null) {
            return;
        }
        if (model.table(other) == null) {
            Replayer.unknown(problems, true, at, "table " + other);
            return;
        }
        String child = parent == null ? table.name() : other;
        String parentName = parent == null ? other : parent;
        if (attach) {
            TableHierarchy.attach(model, kind, child, parentName);
        } else {
            TableHierarchy.detach(model, kind, child, parentName);
        }
    }

    private void setFlag(String kind) {
        model.objects.put(kind + " " + table.name(), new SchemaObject(kind, table.name(), table.name(), "on"));
    }

    private void add(TokenCursor cursor) {
        if (tables.addTableElement(model, table, cursor, soleAction, keyColumns, problems)) {
            return;
        }
        cursor.accept("COLUMN");
        boolean ifNotExists = cursor.acceptIfNotExists();
        if (cursor.isSymbol('(')) {
            // MySQL's ADD [COLUMN] (a INT, b INT, INDEX (a)): a list of table elements at once
            for (List<SqlToken> element : TokenCursor.splitOnCommas(cursor.parenthesized())) {
                if (!element.isEmpty() && !tables.addTableElement(model, table, new TokenCursor(element), false,
                        keyColumns, problems)) {
                    addColumn(element, ifNotExists);
                }
            }
            return;
        }
        List<SqlToken> definition = cursor.rest();
        if (!definition.isEmpty()) {
            addColumn(definition, ifNotExists);
        }
    }

    private void addColumn(List<SqlToken> definition, boolean ifNotExists) {
        ColumnDefinition column = ColumnDefinition.read(tables.dialect(), definition);
        tables.refusedType(column, table.name(), problems);
        if (soleAction && tables.autoIncrement(column) && definition.stream().noneMatch(token -> token.isWord("KEY")
                || token.isWord("UNIQUE"))) {
            // a new column is in no key yet, and no other action of the statement adds one (error 1075)
            Replayer.refusedDeclaration(problems, column.nameToken(), "column " + column.column().name() + " of table "
                    + table.name(), TableStatements.ONE_AUTO_COLUMN + "; add it with PRIMARY KEY, or add the key in"
                    + " the same ALTER TABLE");
        }
        if (table.hasColumn(column.column().name())) {
            Replayer.duplicate(problems, !ifNotExists, definition.get(0), "column " + column.column().name()
                    + " of table " + table.name());
            return;
        }
        if (unknownAfter(definition)) {
            return;
        }
        boolean ownKey = column.constraints().stream().anyMatch(inline -> inline.kind() == Constraint.Kind.PRIMARY_KEY
                || inline.kind() == Constraint.Kind.UNIQUE);
        if (tables.refusesReference(model, table, column, soleAction && !ownKey, definition.get(0), problems)) {
            return;
        }
        tables.addColumnTo(model, table, column);
        for (Table partition : partitions()) {
            if (!partition.hasColumn(column.column().name())) {
                partition.changeColumns().put(column.column().name(), column.column());
            }
        }
    }

    /** What a column change on a partitioned table reaches too: every partition below it (PostgreSQL). */
    private List<Table> partitions() {
        return tables.dialect() == Dialect.POSTGRESQL ? TableHierarchy.partitionsBelow(model, table.name()) : List.of();
    }

    private void drop(TokenCursor cursor) {
        if (cursor.accept("CONSTRAINT") || cursor.accept("FOREIGN", "KEY") || cursor.accept("CHECK")) {
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String name = cursor.name();
            Constraint constraint = table.constraints().get(name);
            if (constraint == null) {
                Replayer.unknown(problems, !ifExists, at, "constraint " + name + " of table " + table.name());
                return;
            }
            boolean cascade = cursor.accept("CASCADE");
            if (TableStatements.isKey(constraint) && !hasOtherKey(constraint)) {
                Set<String> keyColumns = Set.copyOf(constraint.columns());
                Predicate<List<String>> usesKey = refColumns -> Set.copyOf(refColumns).equals(keyColumns);
                if (!cascade && refusedForKeys(at, "constraint " + name + " of table " + table.name(), usesKey)) {
                    return;
                }
                if (cascade) {
                    for (SchemaModel.Reference key : model.foreignKeysOnto(table.name())) {
                        if (usesKey.test(key.constraint().refColumns())) {
                            model.table(key.table()).changeConstraints().remove(key.constraint().name());
                        }
                    }
                }
            }
            table.changeConstraints().remove(name);
            if (tables.dialect() == Dialect.POSTGRESQL) { // its comment, and its index's, go with it
                Replayer.dropCommentsOn(model, "constraint", name + " on " + table.name());
                Replayer.dropCommentsOn(model, "index", TableStatements.schemaPrefix(table.name()) + name);
            }
        } else if (cursor.accept("PRIMARY", "KEY")) {
            table.changeConstraints().values().removeIf(c -> c.kind() == Constraint.Kind.PRIMARY_KEY);
        } else if (cursor.accept("INDEX") || cursor.accept("KEY")) {
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String name = cursor.name();
            Constraint foreignKey = TableStatements.foreignKeyNeeding(model, table, drops.constraints(),
                    table.name() + "." + name, name);
            if (foreignKey != null) {
                Replayer.indexNeededByKey(problems, at, name, table.name(), foreignKey.name());
                return; // the database refuses the statement
            }
            boolean wasIndex = model.indexes.remove(table.name() + "." + name) != null;
            // a key is an index on MySQL; a foreign key of the same name is not, and stays
            boolean wasConstraint = TableStatements.isKey(table.constraints().get(name))
                    && table.changeConstraints().remove(name) != null;
            if (!wasIndex && !wasConstraint) {
                Replayer.unknown(problems, !ifExists, at, "index " + name + " of table " + table.name());
            }
        } else {
            cursor.accept("COLUMN");
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String column = cursor.name();
            if (column == null) {
                return;
            }
            boolean cascade = cursor.accept("CASCADE");
            if (!table.hasColumn(column)) {
                Replayer.unknown(problems, !ifExists && table.columnsKnown(), at, "column " + column
                        + " of table " + table.name());
                return;
            }
            boolean sqlite = tables.dialect() == Dialect.SQLITE || tables.dialect() == Dialect.D1;
            if (sqlite && !model.sqliteDropColumnBlockers(table.name(), column).isEmpty()) {
                return; // SQLite refuses; sqlite-drop-column-blocked says why
            }
            String what = "column " + column + " of table " + table.name();
            if (!cascade && refusedForKeys(at, what, refColumns -> refColumns.contains(column))) {
                return;
            }
            SchemaModel.Reference key = mariadbKeyNeeding(column);
            if (key != null) {
                Replayer.keyNeedsColumn(problems, at, what, key);
                return;
            }
            Constraint wideKey = mariadbWideKey(column);
            if (wideKey != null) {
                Replayer.keyOnSeveralColumns(problems, at, what, table.name(), wideKey.name());
                return;
            }
            SchemaObject view = cascade ? null : viewUsing(column);
            if (view != null) {
                Replayer.dependent(problems, at, what, view.kind() + " " + view.key(), view.key());
                return;
            }
            String generated = sqlite ? null : generatedUsing(column);
            if (generated != null && !(cascade && tables.dialect() == Dialect.POSTGRESQL)) {
                // MySQL and MariaDB take CASCADE and ignore it (errors 3108, 1054)
                Replayer.dependent(problems, at, what, "generated column " + generated, table.name());
                return;
            }
            if (generated != null) {
                tables.dropColumn(model, table, generated, true); // PostgreSQL's CASCADE takes it along
            }
            tables.dropColumn(model, table, column, cascade);
            for (Table partition : partitions()) {
                if (partition.hasColumn(column)) {
                    tables.dropColumn(model, partition, column, cascade);
                }
            }
        }
    }

    /**
     * On MariaDB, a primary key or unique key on several columns, {@code column} among them, that the statement keeps:
     * MariaDB refuses to drop a column out of one (error 1072) where MySQL would narrow the key.
     */
    private Constraint mariadbWideKey(String column) {
        if (tables.dialect() != Dialect.MARIADB) {
            return null;
        }
        for (Constraint constraint : table.constraints().values()) {
            if (TableStatements.isKey(constraint) && constraint.columns().size() > 1
                    && constraint.columns().contains(column) && !drops.dropsKey(constraint)) {
                return constraint;
            }
        }
        return null;
    }

    /**
     * On PostgreSQL, whether a foreign key whose referenced columns pass {@code uses} points at this table, so that
     * dropping {@code what} without CASCADE is refused; reports it.
     */
    private boolean refusedForKeys(SqlToken at, String what, Predicate<List<String>> uses) {
        if (tables.dialect() != Dialect.POSTGRESQL) {
            return false;
        }
        for (SchemaModel.Reference key : model.foreignKeysOnto(table.name())) {
            if (!key.constraint().refColumns().isEmpty() && uses.test(key.constraint().refColumns())) {
                Replayer.dependent(problems, at, what, key);
                return true;
            }
        }
        return false;
    }

    /**
     * On MariaDB, a foreign key the statement keeps that needs {@code column}: the table's own key on it, or another
     * table's key onto it. MariaDB refuses to drop such a column (errors 1553, 1828, 1829) whatever
     * FOREIGN_KEY_CHECKS says. MySQL does too, but ignores an inline REFERENCES the model keeps as a key, so it is
     * not judged here.
     */
    private SchemaModel.Reference mariadbKeyNeeding(String column) {
        if (tables.dialect() != Dialect.MARIADB) {
            return null;
        }
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && constraint.columns().contains(column)
                    && !drops.constraints().contains(constraint.name())) {
                return new SchemaModel.Reference(table.name(), constraint);
            }
        }
        for (SchemaModel.Reference key : model.foreignKeysOnto(table.name())) {
            if (key.constraint().refColumns().contains(column) && !key.table().equals(table.name())) {
                return key;
            }
        }
        return null;
    }

    /**
     * Another column of the table generated from an expression that names {@code column} ({@code b int GENERATED
     * ALWAYS AS (a * 2) STORED}, MySQL's {@code b int AS (a * 2)}); null when there is none.
     */
    private String generatedUsing(String column) {
        for (Column other : table.columns().values()) {
            String generated = other.defaultValue();
            int open = generated == null || !generated.startsWith("generated ") ? -1 : generated.indexOf('(');
            if (open < 0 || other.name().equals(column)) {
                continue;
            }
            List<SqlToken> tokens = SqlLexer.tokens(tables.dialect(), generated.substring(open));
            for (int i = 0; i < tokens.size(); i++) {
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
                if (TokenCursor.isNamePart(tokens.get(i)) && !call && TokenCursor.unquote(tokens.get(i)).equals(column)) {
                    return other.name();
                }
            }
        }
        return null;
    }

    /** On PostgreSQL, a view (plain or materialized) that certainly uses this table's {@code column}; else null. */
    private SchemaObject viewUsing(String column) {
        if (tables.dialect() != Dialect.POSTGRESQL) {
            return null;
        }
        for (SchemaObject object : model.objects.values()) {
            if (object.kind().endsWith("view") && (object.usedColumns().contains(table.name() + "." + column)
                    || ViewColumns.certainlyUses(object.definition(), table.name(), column, tables::key))) {
                return object;
            }
        }
        return null;
    }

    private void renameConstraint(String from, String to) {
        Constraint constraint = table.changeConstraints().remove(from);
        table.changeConstraints().put(to, new Constraint(to, constraint.kind(), constraint.columns(),
                constraint.references(), constraint.refColumns(), constraint.onDelete(), constraint.definition()));
    }

    /**
     * Whether another key or unique index of the table covers the same columns: a foreign key may rest on that one
     * instead (which one PostgreSQL chose is not known here), so no refusal is certain.
     */
    private boolean hasOtherKey(Constraint constraint) {
        Set<String> columns = Set.copyOf(constraint.columns());
        boolean otherConstraint = table.constraints().values().stream().anyMatch(other -> other != constraint
                && TableStatements.isKey(other) && Set.copyOf(other.columns()).equals(columns));
        boolean uniqueIndex = model.indexesOn(table.name()).stream().map(model.indexes::get)
                .anyMatch(index -> index.unique() && Set.copyOf(index.columns()).equals(columns));
        return otherConstraint || uniqueIndex;
    }

    private void alterColumn(TokenCursor cursor) {
        if (cursor.accept("CONSTRAINT") || cursor.accept("INDEX")) {
            return; // deferrability and visibility: nothing the model compares
        }
        cursor.accept("COLUMN");
        SqlToken at = cursor.peek();
        String name = cursor.name();
        Column column = table.columns().get(name);
        if (column == null) {
            Replayer.unknown(problems, name != null && table.columnsKnown(), at, "column " + name + " of table "
                    + table.name());
            return;
        }
        Column changed = column;
        if (cursor.accept("TYPE") || cursor.accept("SET", "DATA", "TYPE")) {
            SchemaObject view = viewUsing(name);
            if (view != null) {
                Replayer.typeChangeUnderView(problems, at, "column " + name + " of table " + table.name(),
                        view.kind() + " " + view.key());
                return;
            }
            String generated = tables.dialect() == Dialect.POSTGRESQL ? generatedUsing(name) : null;
            if (generated != null) {
                Replayer.typeChangeUnderGeneratedColumn(problems, at, "column " + name + " of table " + table.name(),
                        generated);
                return;
            }
            List<SqlToken> type = cursor.until("USING", "COLLATE");
            changed = new Column(name, TypeName.normalize(tables.dialect(), TokenCursor.normalized(type)),
                    column.notNull(), column.defaultValue());
            boolean using = cursor.rest().stream().anyMatch(token -> token.isWord("USING"));
            if (!using && tables.dialect() == Dialect.POSTGRESQL
                    && AssignmentCasts.refused(column.type(), changed.type())) {
                Replayer.castRequired(problems, at, "column " + name + " of table " + table.name(), column.type(),
                        changed.type());
                return;
            }

        } else if (cursor.accept("SET", "DEFAULT")) {
            changed = new Column(name, column.type(), column.notNull(),
                    ColumnDefinition.defaultValue(tables.dialect(), cursor.rest(), column.type()));
        } else if (cursor.accept("DROP", "DEFAULT")) {
            changed = new Column(name, column.type(), column.notNull(), null);
        } else if (cursor.accept("SET", "NOT", "NULL")) {
            changed = new Column(name, column.type(), true, column.defaultValue());
        } else if (cursor.accept("DROP", "NOT", "NULL")) {
            Constraint key = tables.dialect() != Dialect.POSTGRESQL ? null : table.constraints().values().stream()
                    .filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY && c.columns().contains(name))
                    .findFirst().orElse(null);
            if (key != null) {
                Replayer.notNullOfKey(problems, at, "column " + name + " of table " + table.name(), key.name());
                return;
            }
            changed = new Column(name, column.type(), false, column.defaultValue());
        } else if (cursor.accept("ADD", "GENERATED")) {
            changed = new Column(name, column.type(), true, "identity");
            tables.ownedSequence(model, table, name);
        } else if (cursor.accept("DROP", "IDENTITY")) {
            changed = new Column(name, column.type(), column.notNull(), null);
            tables.dropOwnedSequences(model, table.name(), name);
        }
        table.changeColumns().put(name, changed);
        if (!changed.type().equals(column.type())) {
            tables.typeChanged(model, table, name);
        }
        for (Table partition : partitions()) {
            if (partition.hasColumn(name)) {
                partition.changeColumns().put(name, changed);
            }
        }
    }

    /** {@code SET SCHEMA s}: the table and its indexes move to schema {@code s}, under the same names. */
    private String moveToSchema(TokenCursor cursor) {
        String schema = cursor.name();
        if (schema == null) {
            return table.name();
        }
        String from = table.name();
        String bare = TableStatements.bareName(from);
        String to = tables.key(schema + "." + bare);
        if (model.table(to) != null) {
            Replayer.duplicate(problems, true, cursor.current(), "table " + to);
            return from;
        }
        tables.renameTable(model, from, to);
        TableStatements.rekeyIndexes(model, to, TableStatements.schemaPrefix(from), TableStatements.schemaPrefix(to));
        return to;
    }

    private String rename(TokenCursor cursor) {
        if (cursor.accept("TO") || cursor.accept("AS")) {
            String to = tables.renamedKey(table.name(), cursor.name());
            if (model.table(to) != null) {
                Replayer.duplicate(problems, true, cursor.current(), "table " + to);
                return table.name();
            }
            tables.renameTable(model, table.name(), to);
            return to;
        }
        if (cursor.accept("CONSTRAINT")) {
            SqlToken at = cursor.peek();
            String from = cursor.name();
            cursor.accept("TO");
            String to = cursor.name();
            if (!table.constraints().containsKey(from)) {
                Replayer.unknown(problems, true, at, "constraint " + from + " of table " + table.name());
            } else {
                renameConstraint(from, to);
            }
            return table.name();
        }
        if (cursor.accept("INDEX") || cursor.accept("KEY")) {
            // MySQL's RENAME INDEX: a table's indexes and its keys (UNIQUE, PRIMARY) share one namespace
            SqlToken at = cursor.peek();
            String from = cursor.name();
            cursor.accept("TO");
            SqlToken toAt = cursor.peek();
            String to = cursor.name();
            Index index = model.indexes.get(table.name() + "." + from);
            Constraint key = table.constraints().get(from);
            if (model.indexes.containsKey(table.name() + "." + to) || TableStatements.isKey(table.constraints().get(to))) {
                Replayer.duplicate(problems, true, toAt, "index " + to + " of table " + table.name());
            } else if (index != null) {
                model.indexes.remove(table.name() + "." + from);
                model.indexes.put(table.name() + "." + to, index.renamed(table.name() + "." + to));
            } else if (TableStatements.isKey(key)) {
                renameConstraint(from, to);
            } else {
                Replayer.unknown(problems, true, at, "index " + from + " of table " + table.name());
            }
            return table.name();
        }
        cursor.accept("COLUMN");
        SqlToken at = cursor.peek();
        String from = cursor.name();
        if (!cursor.accept("TO")) {
            return table.name();
        }
        String to = cursor.name();
        if (!table.hasColumn(from)) {
            Replayer.unknown(problems, table.columnsKnown(), at, "column " + from + " of table " + table.name());
        } else if (table.hasColumn(to)) {
            Replayer.duplicate(problems, true, at, "column " + to + " of table " + table.name());
        } else {
            tables.renameColumn(model, table, from, to);
            for (Table partition : partitions()) {
                if (partition.hasColumn(from) && !partition.hasColumn(to)) {
                    tables.renameColumn(model, partition, from, to);
                }
            }
        }
        return table.name();
    }

    /**
     * MySQL's {@code ... AFTER c} placing a column after one the table does not have, reported: MySQL refuses the
     * statement ("Unknown column").
     */
    private boolean unknownAfter(List<SqlToken> definition) {
        int after = definition.size() - 2;
        if (!tables.dialect().isMySqlFamily() || after < 1 || !definition.get(after).isWord("AFTER")
                || !table.columnsKnown()) {
            return false;
        }
        SqlToken at = definition.get(after + 1);
        String column = TokenCursor.unquote(at);
        if (table.hasColumn(column)) {
            return false;
        }
        Replayer.unknown(problems, true, at, "column " + column + " of table " + table.name());
        return true;
    }

    /** MySQL's MODIFY (same name) and CHANGE (old name, then the new definition). */
    private void replaceColumn(TokenCursor cursor, SqlToken renamedAt) {
        String old = null;
        if (renamedAt != null) {
            old = cursor.name();
        }
        List<SqlToken> definition = cursor.rest();
        if (definition.isEmpty()) {
            return;
        }
        ColumnDefinition column = ColumnDefinition.read(tables.dialect(), definition);
        tables.refusedType(column, table.name(), problems);
        String from = old != null ? old : column.column().name();
        if (!table.hasColumn(from)) {
            Replayer.unknown(problems, table.columnsKnown(), renamedAt != null ? renamedAt : definition.get(0),
                    "column " + from + " of table " + table.name());
            return;
        }
        if (unknownAfter(definition)) {
            return;
        }
        if (!from.equals(column.column().name())) {
            tables.renameColumn(model, table, from, column.column().name());
        }
        table.changeColumns().put(column.column().name(), column.column());
    }
}
