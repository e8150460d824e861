package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** CREATE, ALTER, DROP and RENAME of tables and indexes, with the implicit effects each has on the schema. */
final class TableStatements {

    private final Dialect dialect;
    private final Replayer replayer;

    TableStatements(Dialect dialect, Replayer replayer) {
        this.dialect = dialect;
        this.replayer = replayer;
    }

    /**
     * SQLite takes a string where only a name can stand: {@code CREATE TABLE 'articles_fts_data'(...)}, as its own
     * {@code .dump} writes the tables behind a full-text index.
     */
    private Optional<String> sqliteStringName(TokenCursor cursor) {
        SqlToken token = cursor.peek();
        if ((dialect != Dialect.SQLITE && dialect != Dialect.D1) || token == null
                || token.type() != SqlToken.Type.STRING || token.text().length() < 2) {
            return Optional.empty();
        }
        cursor.next();
        return Optional.of(token.text().substring(1, token.text().length() - 1).replace("''", "'")
                .toLowerCase(Locale.ROOT));
    }

    /**
     * PostgreSQL's {@code SELECT ... INTO [TEMP | UNLOGGED] [TABLE] name FROM ...} creates a table, as CREATE TABLE
     * AS does: its columns come from the query, which the model does not list.
     */
    void selectInto(SchemaModel model, List<SqlToken> tokens, List<ReplayProblem> problems) {
        int into = TopLevel.indexOfWord(tokens, "INTO");
        if (into < 0) {
            return;
        }
        TokenCursor cursor = new TokenCursor(tokens, into + 1);
        boolean modifier = true;
        while (modifier) {
            modifier = cursor.accept("TEMPORARY") || cursor.accept("TEMP") || cursor.accept("UNLOGGED")
                    || cursor.accept("TABLE");
        }
        SqlToken at = cursor.peek();
        String name = replayer.key(cursor.name());
        if (name == null) {
            return;
        }
        if (model.tables.containsKey(name)) {
            Replayer.duplicate(problems, true, at, "table " + name);
            return;
        }
        Table table = new Table(name, model);
        table.markColumnsPartial();
        model.tables.put(name, table);
    }

    void createTable(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String name = replayer.key(sqliteStringName(cursor).orElseGet(cursor::name));
        if (name == null) {
            return;
        }
        if (model.tables.containsKey(name)) {
            Replayer.duplicate(problems, !ifNotExists, at, "table " + name);
            return;
        }
        Table table = new Table(name, model);
        model.tables.put(name, table);
        if (cursor.accept("PARTITION", "OF")) {
            String parent = copyColumns(model, cursor, table, problems);
            if (dialect == Dialect.POSTGRESQL && parent != null) {
                TableHierarchy.attach(model, TableHierarchy.PARTITION, name, parent);
            }
            return;
        }
        if (cursor.accept("LIKE")) {
            copyColumns(model, cursor, table, problems);
            return;
        }
        List<SqlToken> elements = cursor.parenthesized();
        List<SqlToken> keyColumns = new ArrayList<>();
        List<ColumnDefinition> counted = new ArrayList<>();
        Set<String> keyed = new HashSet<>(); // every name a key element writes, and columns with a key of their own
        for (List<SqlToken> element : TokenCursor.splitOnCommas(elements)) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.get(0).isWord("LIKE")) {
                copyColumns(model, new TokenCursor(element, 1), table, problems);
            } else if (tableElement(model, table, new TokenCursor(element), false, keyColumns, problems)) {
                if (element.stream().noneMatch(token -> token.isWord("CHECK"))) {
                    element.stream().filter(TokenCursor::isNamePart).map(TokenCursor::unquote).forEach(keyed::add);
                }
            } else {
                ColumnDefinition column = ColumnDefinition.read(dialect, element);
                refusedType(column, name, problems);
                if (autoIncrement(column)) {
                    counted.add(column);
                    if (element.stream().anyMatch(token -> token.isWord("KEY") || token.isWord("UNIQUE"))) {
                        keyed.add(column.column().name()); // MySQL's bare KEY on a column is its primary key
                    }
                }
                if (table.hasColumn(column.column().name())) {
                    Replayer.duplicate(problems, true, element.get(0), "column " + column.column().name() + " of table "
                            + name);
                } else if (hasPrimaryKey(table) && column.constraints().stream()
                        .anyMatch(inline -> inline.kind() == Constraint.Kind.PRIMARY_KEY)) {
                    Replayer.duplicate(problems, true, element.get(0), "primary key of table " + name);
                } else if (refusesReference(model, table, column, false, element.get(0), problems)) {
                    continue;
                }
                addColumn(model, table, column);
            }
        }
        // AS SELECT (MySQL's SELECT without AS) takes columns from a query, INHERITS adds the parent's: the model
        // cannot list them all
        List<SqlToken> rest = cursor.rest();
        if (elements.isEmpty() || rest.stream().anyMatch(t -> t.isWord("AS") || t.isWord("INHERITS")
                || t.isWord("SELECT"))) {
            table.markColumnsPartial();
        }
        int partitionBy = TopLevel.indexOfWord(rest, "PARTITION");
        if (dialect == Dialect.POSTGRESQL && partitionBy >= 0 && partitionBy + 3 < rest.size()
                && rest.get(partitionBy + 1).isWord("BY")) {
            // PARTITION BY RANGE (a, lower(b), (c + 1)): the parts that are a column, not an expression
            List<SqlToken> key = new TokenCursor(rest, partitionBy + 3).parenthesized();
            for (List<SqlToken> part : TokenCursor.splitOnCommas(key)) {
                if (!part.isEmpty() && TokenCursor.isNamePart(part.get(0))
                        && (part.size() == 1 || !part.get(1).isSymbol('(') && !part.get(1).isSymbol('.'))) {
                    keyColumns.add(part.get(0));
                }
            }
        }
        int inherits = TopLevel.indexOfWord(rest, "INHERITS");
        if (dialect == Dialect.POSTGRESQL && inherits >= 0) {
            TokenCursor parents = new TokenCursor(new TokenCursor(rest, inherits + 1).parenthesized(), 0);
            do {
                SqlToken parentAt = parents.peek();
                String parent = replayer.key(parents.name());
                if (parent != null && !namesAnything(model, parent)) {
                    Replayer.unknown(problems, true, parentAt, "table " + parent);
                } else if (parent != null) {
                    TableHierarchy.attach(model, TableHierarchy.INHERITANCE, name, parent);
                }
            } while (parents.acceptSymbol(','));
        }
        unknownKeyColumn(table, keyColumns, problems); // a key may name a column declared after it
        unkeyedAutoIncrement(table, counted, keyed, problems);
        foreignKeyIndexes(model, table);
    }

    /**
     * The first of a key's columns the table does not have, reported: PostgreSQL, MySQL and SQLite refuse the
     * statement ("column named in key does not exist", error 1072, "no such column"). Only where the model knows
     * every column of the table.
     */
    private static void unknownKeyColumn(Table table, List<SqlToken> keyColumns, List<ReplayProblem> problems) {
        if (!table.columnsKnown()) {
            return;
        }
        keyColumns.stream().filter(column -> !table.hasColumn(TokenCursor.unquote(column))).findFirst()
                .ifPresent(column -> Replayer.unknown(problems, true, column, "column " + TokenCursor.unquote(column)
                        + " of table " + table.name()));
    }

    /** MySQL's and MariaDB's error 1075. */
    static final String ONE_AUTO_COLUMN = "Incorrect table definition; there can be only one auto column and it must be"
            + " defined as a key";

    /** A MySQL or MariaDB column with AUTO_INCREMENT. */
    boolean autoIncrement(ColumnDefinition column) {
        return dialect.isMySqlFamily() && "identity".equals(column.column().defaultValue());
    }

    /**
     * MySQL and MariaDB refuse a second AUTO_INCREMENT column, and one that no key of the table holds (error 1075,
     * "there can be only one auto column and it must be defined as a key"), whatever the engine. A CREATE TABLE's
     * keys are all in its text: a column counts as keyed when any key, index or foreign key element writes its name
     * anywhere ({@code keyed}), however the element is spelt, so a key this reading misses cannot make it an error.
     */
    private void unkeyedAutoIncrement(Table table, List<ColumnDefinition> counted, Set<String> keyed,
                                      List<ReplayProblem> problems) {
        if (counted.isEmpty() || !table.columnsKnown()) {
            return;
        }
        if (counted.size() > 1) {
            ColumnDefinition second = counted.get(1);
            Replayer.refusedDeclaration(problems, second.nameToken(), "column " + second.column().name() + " of table "
                    + table.name(), ONE_AUTO_COLUMN + " (" + counted.get(0).column().name() + " and " + second.column().name()
                    + " are both AUTO_INCREMENT); keep it on one column");
            return;
        }
        String column = counted.get(0).column().name();
        if (!keyed.contains(column)) {
            Replayer.refusedDeclaration(problems, counted.get(0).nameToken(), "column " + column + " of table "
                    + table.name(), ONE_AUTO_COLUMN + " (no key holds " + column + "); add PRIMARY KEY (" + column + ")");
        }
    }

    /** A column type the database refuses as declared, reported at the column. */
    void refusedType(ColumnDefinition column, String table, List<ReplayProblem> problems) {
        Replayer.refusedDeclaration(problems, column.nameToken(), "column " + column.column().name() + " of table "
                + table, RefusedDeclarations.columnType(dialect, column));
    }

    /** The names of a key's columns, having reported one it names twice. */
    private List<String> keyNames(List<SqlToken> columns, String what, Table table, List<ReplayProblem> problems) {
        SqlToken repeated = RefusedDeclarations.repeatedColumn(dialect, columns);
        if (repeated != null) {
            Replayer.refusedDeclaration(problems, repeated, "column " + TokenCursor.unquote(repeated) + " of table "
                    + table.name(), "column \"" + repeated.unquoted() + "\" appears twice in " + what
                    + (what.equals("index") ? "" : " constraint") + " (the database refuses a key that names a column"
                    + " twice); name it once");
        }
        return columns.stream().map(TokenCursor::unquote).toList();
    }

    /**
     * Copies the columns of the table named next (LIKE, PARTITION OF); returns its name. A name nothing in the model
     * has is reported (PostgreSQL's LIKE also takes a view or composite type); the table is made all the same, its
     * columns unknown, so that what follows is not called unknown too.
     */
    private String copyColumns(SchemaModel model, TokenCursor cursor, Table table, List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String sourceName = replayer.key(cursor.name());
        Table source = model.table(sourceName);
        if (source != null && source.columnsKnown()) {
            table.changeColumns().putAll(source.columns());
            copyLikeOptions(model, source, table, cursor.rest());
        } else {
            table.markColumnsPartial();
        }
        if (source == null && sourceName != null && !namesAnything(model, sourceName)) {
            Replayer.unknown(problems, true, at, "table " + sourceName);
        }
        return sourceName;
    }

    /** Whether the model has a relation or type of that name: a table, view, materialized view, sequence or type. */
    private static boolean namesAnything(SchemaModel model, String name) {
        return model.hasRelation(name) || model.objects.containsKey("type " + name)
                || model.objects.containsKey("domain " + name);
    }

    /**
     * {@code LIKE source INCLUDING CONSTRAINTS | INDEXES | ALL} on PostgreSQL: CHECK constraints keep their names;
     * primary keys, unique and exclusion constraints and plain indexes are made again under the names PostgreSQL
     * gives them on the new table.
     */
    private void copyLikeOptions(SchemaModel model, Table source, Table table, List<SqlToken> options) {
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
            copyMysqlLike(model, source, table);
            return;
        }
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        boolean all = false;
        boolean constraints = false;
        boolean indexes = false;
        for (int i = 0; i + 1 < options.size(); i++) {
            if (options.get(i).isWord("INCLUDING")) {
                all |= options.get(i + 1).isWord("ALL");
                constraints |= options.get(i + 1).isWord("CONSTRAINTS");
                indexes |= options.get(i + 1).isWord("INDEXES");
            }
        }
        for (Constraint constraint : List.copyOf(source.constraints().values())) {
            boolean check = constraint.kind() == Constraint.Kind.CHECK;
            boolean indexed = constraint.kind() == Constraint.Kind.PRIMARY_KEY || constraint.kind() == Constraint.Kind.UNIQUE
                    || constraint.kind() == Constraint.Kind.EXCLUDE;
            if (check && (all || constraints) || indexed && (all || indexes)) {
                String name = check ? constraint.name() : generatedName(model, table, constraint.kind(), constraint.columns());
                table.changeConstraints().put(name, new Constraint(name, constraint.kind(), constraint.columns(),
                        null, List.of(), null, constraint.definition()));
            }
        }
        if (all || indexes) {
            String schema = schemaPrefix(table.name());
            for (Index index : List.copyOf(model.indexes.values())) {
                if (index.table().equals(source.name()) && !index.columns().isEmpty()) {
                    String name = schema + PostgresNames.choose(bareName(table.name()),
                            PostgresNames.indexColumns(index.definition()), "idx",
                            candidate -> relationExists(model, schema + candidate));
                    model.indexes.put(name, new Index(name, table.name(), index.unique(), index.columns(),
                            index.definition()));
                }
            }
        }
    }

    /** MySQL's {@code CREATE TABLE t LIKE s} copies the keys and indexes under their names, not the foreign keys. */
    private void copyMysqlLike(SchemaModel model, Table source, Table table) {
        for (Constraint constraint : List.copyOf(source.constraints().values())) {
            if (constraint.kind() != Constraint.Kind.FOREIGN_KEY) {
                table.changeConstraints().put(constraint.name(), constraint);
            }
        }
        for (Index index : List.copyOf(model.indexes.values())) {
            if (index.table().equals(source.name())) {
                String name = indexKey(table.name(), bareName(index.name()));
                model.indexes.put(name, new Index(name, table.name(), index.unique(), index.columns(), index.definition()));
            }
        }
    }

    private void addColumn(SchemaModel model, Table table, ColumnDefinition definition) {
        Column column = definition.column();
        if (definition.serial()) {
            String sequence = ownedSequence(model, table, column.name()); // serial is PostgreSQL's alone
            // spelt as a written nextval('seq') default reads (TokenCursor.expression), which the rollbacks compare
            column = new Column(column.name(), column.type(), true, "nextval ('" + sequence + "')");
        } else if (dialect == Dialect.POSTGRESQL && "identity".equals(column.defaultValue())) {
            ownedSequence(model, table, column.name());
        }
        table.changeColumns().put(column.name(), column);
        for (ColumnDefinition.InlineConstraint inline : definition.constraints()) {
            addConstraint(model, table, inline, List.of(column.name()));
        }
    }

    /**
     * The sequence PostgreSQL makes for a serial or identity column ({@code table_column_seq}, in the table's schema),
     * owned by the column so that it goes with it.
     */
    String ownedSequence(SchemaModel model, Table table, String column) {
        String name = table.name();
        String schema = schemaPrefix(name);
        String sequence = schema + PostgresNames.choose(bareName(name), column, "seq",
                candidate -> relationExists(model, schema + candidate));
        model.objects.put("sequence " + sequence, new SchemaObject("sequence", sequence, name,
                "owned by " + name + "." + column));
        return sequence;
    }

    /** Drops the sequences owned by {@code table.column} (DROP IDENTITY). */
    void dropOwnedSequences(SchemaModel model, String table, String column) {
        model.objects.values().removeIf(object -> object.kind().equals("sequence")
                && object.definition().equals("owned by " + table + "." + column));
    }

    private void addConstraint(SchemaModel model, Table table, ColumnDefinition.InlineConstraint inline,
                               List<String> columns) {
        List<String> refColumns = inline.refColumns();
        String references = inline.references() == null ? null : replayer.key(inline.references());
        boolean resolvesPrimaryKey = dialect != Dialect.SQLITE && dialect != Dialect.D1; // SQLite keeps it as written
        if (inline.kind() == Constraint.Kind.FOREIGN_KEY && refColumns.isEmpty() && resolvesPrimaryKey) {
            refColumns = primaryKeyOf(references == null ? null : model.table(references));
        }
        String name = inline.name() != null ? inline.name() : generatedName(model, table, inline.kind(), columns);
        Constraint constraint = new Constraint(name, inline.kind(), List.copyOf(columns), references,
                List.copyOf(refColumns), inline.onDelete(), inline.definition());
        table.changeConstraints().put(name, constraint);
        if (inline.kind() == Constraint.Kind.PRIMARY_KEY) {
            for (String column : columns) {
                Column existing = table.columns().get(column);
                if (existing != null && !existing.notNull()) {
                    table.changeColumns().put(column, new Column(column, existing.type(), true, existing.defaultValue()));
                }
            }
        }
    }

    private static List<String> primaryKeyOf(Table table) {
        if (table != null) {
            for (Constraint constraint : table.constraints().values()) {
                if (constraint.kind() == Constraint.Kind.PRIMARY_KEY) {
                    return constraint.columns();
                }
            }
        }
        return List.of();
    }

    /**
     * The name the database gives an unnamed constraint: PostgreSQL's {@code users_email_key} (numbered when taken:
     * {@code users_email_key1}), MySQL's {@code PRIMARY} and {@code users_ibfk_1}. SQLite keeps no name, so there
     * the constraint is known by what it covers, which survives the rebuild-and-rename dance.
     */
    private String generatedName(SchemaModel model, Table table, Constraint.Kind kind, List<String> columns) {
        String bare = bareName(table.name());
        String joined = String.join("_", columns);
        return switch (dialect) {
            case POSTGRESQL -> {
                Predicate<String> taken = name -> constraintNameUsed(model, table, name)
                        || kind != Constraint.Kind.CHECK && kind != Constraint.Kind.FOREIGN_KEY
                        && relationExists(model, schemaPrefix(table.name()) + name); // its index's name, too
                yield switch (kind) {
                    case PRIMARY_KEY -> PostgresNames.choose(bare, null, "pkey", taken);
                    case UNIQUE -> PostgresNames.choose(bare, joined, "key", taken);
                    case FOREIGN_KEY -> PostgresNames.choose(bare, joined, "fkey", taken);
                    // named after its column only when it reads exactly one (CHECK (a > b) is t_check)
                    case CHECK -> PostgresNames.choose(bare, columns.size() == 1 ? columns.get(0) : null, "check", taken);
                    case EXCLUDE -> PostgresNames.choose(bare, joined, "excl", taken);
                };
            }
            case MYSQL, MARIADB -> switch (kind) {
                case PRIMARY_KEY -> "primary";
                case UNIQUE -> columns.isEmpty() ? "unique" : mysqlIndexName(model, table, columns.get(0));
                case FOREIGN_KEY -> bare + "_ibfk_" + (count(table, kind) + 1);
                case CHECK, EXCLUDE -> bare + "_chk_" + (count(table, kind) + 1);
            };
            case SQLITE, D1 -> "(" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                    + String.join(", ", columns) + ")";
        };
    }

    /**
     * An index's columns as compared: without the orders that are the default (ASC, NULLS LAST after ASC, NULLS
     * FIRST after DESC), which PostgreSQL does not keep; SQLite keeps the text as written.
     */
    private String indexElements(List<SqlToken> elements) {
        String text = TokenCursor.normalized(elements);
        if (dialect == Dialect.SQLITE || dialect == Dialect.D1) {
            return text;
        }
        return text.replaceAll(" desc nulls first(?=\\s*,|\\s*$)", " desc")
                .replaceAll(" asc nulls last(?=\\s*,|\\s*$)", "")
                .replaceAll("(?<! desc) nulls last(?=\\s*,|\\s*$)", "")
                .replaceAll(" asc(?=\\s*,|\\s*$)", "");
    }

    /**
     * PostgreSQL rebuilds the indexes on a column whose type changes. Where COALESCE, GREATEST or LEAST then mix
     * types it stores implicit casts in the expression, and they stay when the types are changed back.
     */
    void typeChanged(SchemaModel model, Table table, String column) {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        model.indexes.replaceAll((name, index) -> {
            if (!index.table().equals(table.name()) || !index.columns().contains(column)) {
                return index;
            }
            String casts = implicitCasts(table, index.definition());
            if (casts.isEmpty()) {
                return index; // casts stored by an earlier rebuild stay
            }
            String definition = index.definition().replaceAll(" \\(with implicit casts to [^)]*\\)", "");
            return new Index(index.name(), index.table(), index.unique(), index.columns(), definition + casts);
        });
    }

    private static final java.util.regex.Pattern MIXING_CALL =
            java.util.regex.Pattern.compile("\\b(coalesce|greatest|least) ?\\(([^()]*)\\)");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    /** The casts PostgreSQL adds to an index expression whose COALESCE mixes column types; empty when none. */
    private static String implicitCasts(Table table, String definition) {
        java.util.regex.Matcher call = MIXING_CALL.matcher(definition);
        String widest = null;
        while (call.find()) {
            java.util.Set<String> types = new java.util.TreeSet<>();
            for (String argument : call.group(2).split(",")) {
                Column column = table.columns().get(argument.trim());
                if (column != null) {
                    types.add(column.type());
                }
            }
            if (types.size() > 1) {
                widest = types.stream().max(java.util.Comparator.comparingInt(INTEGERS::indexOf)).orElseThrow();
            }
        }
        return widest == null ? "" : " (with implicit casts to " + widest + ")";
    }

    private static long count(Table table, Constraint.Kind kind) {
        return table.constraints().values().stream().filter(c -> c.kind() == kind).count();
    }

    static String bareName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The schema part of a key with its dot ({@code shop.} of {@code shop.users}), or "" for the default schema. */
    static String schemaPrefix(String name) {
        return name.substring(0, name.lastIndexOf('.') + 1);
    }

    /**
     * A table element that is no column: a constraint, or MySQL's inline {@code KEY}/{@code INDEX}. Returns false,
     * having read nothing, when the element is a column.
     *
     * @param tableComplete whether the table has all its columns and keys already (ALTER TABLE), which a key
     *                      referencing the table itself is then judged by; in CREATE TABLE they may come later
     * @param keyColumns    collects the columns the element's key names, to be looked for once the table is complete
     */
    private boolean tableElement(SchemaModel model, Table table, TokenCursor cursor, boolean tableComplete,
                                 List<SqlToken> keyColumns, List<ReplayProblem> problems) {
        if (!startsTableElement(cursor)) {
            return false;
        }
        SqlToken at = cursor.isWord("CONSTRAINT") ? cursor.peek(1) : cursor.peek();
        String name = cursor.accept("CONSTRAINT") ? cursor.name() : null;
        String taken = taken(table, name, cursor);
        if (taken != null) {
            Replayer.duplicate(problems, true, at, taken);
            return true; // the database refuses the statement
        }
        if (cursor.accept("PRIMARY", "KEY")) {
            if (cursor.accept("USING", "INDEX")) {
                adoptIndex(model, table, name, Constraint.Kind.PRIMARY_KEY, cursor, problems);
            } else {
                acceptIndexType(cursor);
                addConstraint(model, table, inline(name, Constraint.Kind.PRIMARY_KEY, ""),
                        keyNames(keyColumnsOf(cursor.parenthesized(), keyColumns), "primary key", table, problems));
            }
        } else if (cursor.accept("UNIQUE", "USING", "INDEX")) {
            adoptIndex(model, table, name, Constraint.Kind.UNIQUE, cursor, problems);
        } else if (cursor.accept("UNIQUE")) {
            if (!cursor.accept("KEY")) {
                cursor.accept("INDEX");
            }
            cursor.acceptIfNotExists();
            cursor.acceptNullsDistinct();
            String indexName = !cursor.isSymbol('(') && !cursor.isWord("USING") ? cursor.name() : null;
            name = name != null ? name : indexName;
            acceptIndexType(cursor);
            addConstraint(model, table, inline(name, Constraint.Kind.UNIQUE, ""),
                    keyNames(keyColumnsOf(cursor.parenthesized(), keyColumns), "unique", table, problems));
        } else if (cursor.accept("FOREIGN", "KEY")) {
            String indexName = !cursor.isSymbol('(') ? cursor.name() : null;
            List<String> columns = columnsIn(cursor, keyColumns);
            if (cursor.accept("REFERENCES")) {
                SqlToken target = cursor.peek();
                ColumnDefinition.InlineConstraint reference = ColumnDefinition.references(
                        name != null ? name : indexName, cursor);
                if (!reference.refColumns().isEmpty() && reference.refColumns().size() != columns.size()
                        && dialect != Dialect.SQLITE && dialect != Dialect.D1) {
                    Replayer.refusedDeclaration(problems, target, "table " + table.name(), "number of referencing and"
                            + " referenced columns for foreign key disagree (" + columns.size() + " against "
                            + reference.refColumns().size() + "); name as many columns on each side");
                    return true;
                }
                String missingKey = missingKey(model, table, reference, tableComplete, false);
                if (missingKey != null) {
                    Replayer.unknown(problems, true, target, missingKey);
                    return true; // PostgreSQL refuses the key
                }
                String mismatch = mismatchedTypes(model, columns.stream().map(table.columns()::get).toList(),
                        reference);
                if (mismatch != null) {
                    Replayer.keyTypesMismatch(problems, target, mismatch);
                    return true;
                }
                String nulling = setNullOnNotNull(columns.stream().map(table.columns()::get).toList(), reference);
                if (nulling != null) {
                    Replayer.refusedDeclaration(problems, target, "table " + table.name(), nulling);
                    return true;
                }
                addConstraint(model, table, reference, columns);
            }
        } else if (cursor.accept("CHECK")) {
            List<SqlToken> expression = cursor.parenthesized();
            List<String> columns = TokenCursor.identifiers(expression).stream()
                    .filter(table.columns()::containsKey).distinct().toList();
            addConstraint(model, table, inline(name, Constraint.Kind.CHECK, CheckCondition.of(dialect, expression)),
                    columns);
        } else if (cursor.accept("EXCLUDE")) {
            List<SqlToken> rest = cursor.rest();
            addConstraint(model, table, inline(name, Constraint.Kind.EXCLUDE, TokenCursor.normalized(rest)),
                    TokenCursor.identifiers(rest).stream().filter(table.columns()::containsKey).distinct().toList());
        } else {
            cursor.accept("FULLTEXT");
            cursor.accept("SPATIAL");
            if (!cursor.accept("KEY")) {
                cursor.accept("INDEX");
            }
            boolean ifNotExists = cursor.acceptIfNotExists();
            SqlToken nameAt = cursor.peek();
            String indexName = !cursor.isSymbol('(') && !cursor.isWord("USING") ? cursor.name() : null;
            acceptIndexType(cursor);
            List<SqlToken> elements = cursor.parenthesized();
            keyNames(keyColumnsOf(elements, keyColumns), "index", table, problems);
            List<String> columns = columnsOf(table, elements);
            String keyName = indexName != null ? indexName : mysqlIndexName(model, table,
                    columns.isEmpty() ? "index" : columns.get(0));
            if (ifNotExists && model.indexes.containsKey(indexKey(table.name(), keyName))) {
                return true; // MariaDB notes it and goes on
            }
            // written as CREATE INDEX writes it, which the rollbacks compare with
            putIndex(model, new Index(indexKey(table.name(), keyName), table.name(), false, columns,
                    "(" + indexElements(elements) + ")"), false, indexName != null ? nameAt : null, problems);
        }
        return true;
    }

    /** MySQL's {@code USING BTREE | HASH | RTREE} between a key's name and its columns. */
    private static void acceptIndexType(TokenCursor cursor) {
        if (cursor.isWord("USING") && !isWord(cursor.peek(1), "INDEX")) {
            cursor.next();
            cursor.next();
        }
    }

    /**
     * What a new constraint would have twice, which the databases refuse: a second primary key, or (on
     * PostgreSQL, where a table's constraint names are its own) a name the table's constraints already use.
     */
    private String taken(Table table, String name, TokenCursor cursor) {
        boolean primaryKey = cursor.isWord("PRIMARY") && isWord(cursor.peek(1), "KEY");
        if (primaryKey && hasPrimaryKey(table)) {
            return "primary key of table " + table.name();
        }
        if (name != null && dialect == Dialect.POSTGRESQL && table.constraints().containsKey(name)) {
            return "constraint " + name + " of table " + table.name();
        }
        return null;
    }

    /** {@code ALTER TABLE v RENAME TO w} of a view or sequence, which PostgreSQL and MySQL rename as a table. */
    private boolean renamesObject(SchemaModel model, String name, TokenCursor cursor) {
        for (String kind : List.of("view", "materialized view", "sequence")) {
            SchemaObject object = model.objects.get(kind + " " + name);
            if (object != null && cursor.accept("RENAME", "TO")) {
                String to = renamedKey(name, cursor.name());
                model.objects.remove(kind + " " + name);
                model.objects.put(kind + " " + to, object.renamed(to));
                return true;
            }
        }
        return false;
    }

    /**
     * On PostgreSQL a foreign key must reference a table that exists, and a primary key or a unique constraint or
     * index of it ("there is no unique constraint matching given keys"): the table or key it needs, when the model
     * knows there is none; null otherwise. A key or unique index over the referenced columns and more counts as a
     * match, and a table referencing itself is judged only when {@code tableComplete} (in CREATE TABLE its own key
     * may come later). On MySQL and MariaDB only while {@code foreign_key_checks} is on: a table that does not
     * exist (InnoDB: error 1824, MariaDB's errno 150), and the referenced columns and their index
     * ({@link #innodbMissingIndex}); MySQL ignores a column's inline REFERENCES ({@code inline}), MariaDB makes
     * the key.
     */
    private String missingKey(SchemaModel model, Table table, ColumnDefinition.InlineConstraint reference,
                              boolean tableComplete, boolean inline) {
        boolean mysqlFamily = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
        if (reference.references() == null || dialect != Dialect.POSTGRESQL && !mysqlFamily
                || mysqlFamily && (replayer.foreignKeyChecksOff() || inline && dialect == Dialect.MYSQL)) {
            return null;
        }
        String targetName = replayer.key(reference.references());
        Table target = model.table(targetName);
        if (target == null) {
            return model.inUnmadeSchema(targetName) ? null : "table " + targetName;
        }
        if (target == table && !tableComplete || !target.columnsKnown()) {
            return null;
        }
        if (mysqlFamily) {
            return reference.refColumns().isEmpty() ? null : innodbMissingIndex(model, target, reference.refColumns());
        }
        if (reference.refColumns().isEmpty()) {
            return hasPrimaryKey(target) ? null : "primary key of table " + target.name();
        }
        List<String> wanted = reference.refColumns();
        boolean key = target.constraints().values().stream().anyMatch(c -> (c.kind() == Constraint.Kind.PRIMARY_KEY
                || c.kind() == Constraint.Kind.UNIQUE) && c.columns().containsAll(wanted));
        boolean index = model.indexesOn(target.name()).stream().map(model.indexes::get)
                .anyMatch(candidate -> candidate.unique() && candidate.columns().containsAll(wanted));
        return key || index ? null : "primary key or unique constraint on " + target.name() + " ("
                + String.join(", ", wanted) + ")";
    }

    /**
     * What InnoDB needs of the referenced table and lacks: each referenced column, and an index whose first column
     * is the first referenced one (MariaDB: errno 150, "Foreign key constraint is incorrectly formed"; MySQL: errors
     * 3734 and 1822). Any key or index will do, unique or not; MySQL 8.4's further demand for a unique one is not
     * judged. Null when nothing is missing.
     */
    private static String innodbMissingIndex(SchemaModel model, Table target, List<String> referenced) {
        for (String column : referenced) {
            if (!target.hasColumn(column)) {
                return "column " + column + " of table " + target.name();
            }
        }
        String first = referenced.get(0);
        boolean key = target.constraints().values().stream().anyMatch(constraint -> constraint.kind() != Constraint.Kind.CHECK
                && !constraint.columns().isEmpty() && constraint.columns().get(0).equals(first));
        boolean index = model.indexesOn(target.name()).stream().map(model.indexes::get)
                .anyMatch(candidate -> candidate != null && !candidate.columns().isEmpty()
                        && candidate.columns().get(0).equals(first));
        return key || index ? null : "index on " + target.name() + " (" + first + "), which a foreign key to it needs,";
    }

    private static boolean hasPrimaryKey(Table table) {
        return table.constraints().values().stream().anyMatch(c -> c.kind() == Constraint.Kind.PRIMARY_KEY);
    }

    /**
     * PostgreSQL's {@code ADD CONSTRAINT c UNIQUE | PRIMARY KEY USING INDEX i}: the index becomes the constraint's
     * and takes its name, so {@code i} is gone; the constraint covers the index's columns. PostgreSQL refuses an
     * index that does not exist.
     */
    private void adoptIndex(SchemaModel model, Table table, String name, Constraint.Kind kind, TokenCursor cursor,
                            List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String indexName = cursor.name();
        Index index = model.indexes.remove(schemaPrefix(table.name()) + indexName);
        if (index == null && indexName != null) {
            Replayer.unknown(problems, true, at, "index " + schemaPrefix(table.name()) + indexName);
        }
        addConstraint(model, table, inline(name != null ? name : indexName, kind, ""),
                index == null ? List.of() : index.columns());
    }

    private static ColumnDefinition.InlineConstraint inline(String name, Constraint.Kind kind, String definition) {
        return new ColumnDefinition.InlineConstraint(name, kind, null, List.of(), "", definition);
    }

    /** {@code KEY idx (a)} and {@code INDEX (a)} start an element; a column named {@code key} does not. */
    private static boolean startsTableElement(TokenCursor cursor) {
        SqlToken first = cursor.peek();
        if (first.isWord("CONSTRAINT") || first.isWord("CHECK") || first.isWord("EXCLUDE")
                || first.isWord("FOREIGN") || first.isWord("PRIMARY") && isWord(cursor.peek(1), "KEY")
                || first.isWord("UNIQUE") && (isWord(cursor.peek(1), "KEY") || isWord(cursor.peek(1), "INDEX")
                || isWord(cursor.peek(1), "NULLS") || isSymbol(cursor.peek(1), '(') || isWord(cursor.peek(1), "USING")
                || isSymbol(cursor.peek(2), '(') || isWord(cursor.peek(2), "USING"))) {
            return true; // UNIQUE is reserved in MySQL, so UNIQUE u (a) and UNIQUE u USING BTREE (a) are keys too
        }
        if (first.isWord("FULLTEXT") || first.isWord("SPATIAL") || first.isWord("KEY") || first.isWord("INDEX")) {
            SqlToken next = cursor.peek(1);
            if (isSymbol(next, '(')) {
                return true;
            }
            SqlToken afterName = cursor.peek(2);
            SqlToken inside = cursor.peek(3);
            return isSymbol(afterName, '(') && inside != null && TokenCursor.isNamePart(inside)
                    || isWord(next, "USING") || isWord(afterName, "USING") // KEY k USING BTREE (a)
                    || isWord(next, "KEY") || isWord(next, "INDEX")
                    || isWord(next, "IF") && isWord(afterName, "NOT"); // MariaDB's ADD INDEX IF NOT EXISTS
        }
        return false;
    }

    private static boolean isWord(SqlToken token, String word) {
        return token != null && token.isWord(word);
    }

    private static boolean isSymbol(SqlToken token, char symbol) {
        return token != null && token.isSymbol(symbol);
    }

    /** The columns of the parenthesized key that comes next; their tokens are added to {@code named}. */
    private static List<String> columnsIn(TokenCursor cursor, List<SqlToken> named) {
        return keyColumnsOf(cursor.parenthesized(), named).stream().map(TokenCursor::unquote).toList();
    }

    /**
     * The columns of a key's parts ({@code a}, {@code a DESC}, MySQL's {@code a(10)}; an expression names none), as
     * tokens, also added to {@code named}.
     */
    private static List<SqlToken> keyColumnsOf(List<SqlToken> parts, List<SqlToken> named) {
        List<SqlToken> columns = new ArrayList<>();
        for (List<SqlToken> part : TokenCursor.splitOnCommas(parts)) {
            if (!part.isEmpty() && TokenCursor.isNamePart(part.get(0))) {
                columns.add(part.get(0));
            }
        }
        named.addAll(columns);
        return columns;
    }

    private static List<String> columnsOf(Table table, List<SqlToken> tokens) {
        return TokenCursor.identifiers(tokens).stream().filter(table.columns()::containsKey).distinct().toList();
    }

    /** PostgreSQL chooses a constraint's name among those of every table in the schema, not the table's alone. */
    private static boolean constraintNameUsed(SchemaModel model, Table table, String name) {
        if (table.constraints().containsKey(name)) {
            return true;
        }
        String schema = schemaPrefix(table.name());
        return model.tables.values().stream().anyMatch(other -> other != table && schemaPrefix(other.name()).equals(schema)
                && other.constraints().containsKey(name));
    }

    /**
     * MySQL's name for an unnamed index or unique key: its first column's, or that with {@code _2}, {@code _3}, ...
     * when an index or key of the table already has it.
     */
    private String mysqlIndexName(SchemaModel model, Table table, String column) {
        String name = column;
        for (int suffix = 2; model.indexes.containsKey(indexKey(table.name(), name))
                || isKey(table.constraints().get(name)); suffix++) {
            name = column + "_" + suffix;
        }
        return name;
    }

    /** A primary key or unique constraint: one that has an index of its own. */
    static boolean isKey(Constraint constraint) {
        return constraint != null && (constraint.kind() == Constraint.Kind.PRIMARY_KEY
                || constraint.kind() == Constraint.Kind.UNIQUE);
    }

    /** MySQL names indexes per table; PostgreSQL and SQLite per schema. */
    private String indexKey(String table, String name) {
        return dialect == Dialect.MYSQL || dialect == Dialect.MARIADB ? table + "." + name : name;
    }

    private void putIndex(SchemaModel model, Index index, boolean ifNotExists, SqlToken at,
                          List<ReplayProblem> problems) {
        if (model.indexes.containsKey(index.name()) || isKeyOfTable(model, index)) {
            Replayer.duplicate(problems, !ifNotExists, at, "index " + index.name());
            return;
        }
        model.indexes.put(index.name(), index);
    }

    /** On MySQL a table's indexes and its keys share one namespace: {@code ADD INDEX uk} after {@code UNIQUE KEY uk}. */
    private boolean isKeyOfTable(SchemaModel model, Index index) {
        Table table = dialect.isMySqlFamily() ? model.table(index.table()) : null;
        Constraint key = table == null ? null : table.constraints().get(bareName(index.name()));
        return key != null && (key.kind() == Constraint.Kind.UNIQUE || key.kind() == Constraint.Kind.PRIMARY_KEY);
    }

    void createIndex(SchemaModel model, TokenCursor cursor, boolean unique, List<ReplayProblem> problems) {
        cursor.accept("CONCURRENTLY");
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String written = cursor.isWord("ON") ? null : cursor.name();
        if (cursor.accept("USING")) {
            cursor.next(); // MySQL's index type before ON: BTREE, HASH
        }
        if (!cursor.accept("ON")) {
            return;
        }
        cursor.accept("ONLY");
        SqlToken tableAt = cursor.peek();
        String tableName = replayer.key(cursor.name());
        if (tableName == null) {
            return;
        }
        // PostgreSQL creates an index in its table's schema, whatever the search path
        String schema = dialect == Dialect.POSTGRESQL ? schemaPrefix(tableName) : "";
        String name = written == null ? null
                : dialect == Dialect.POSTGRESQL && written.indexOf('.') < 0 ? schema + written : replayer.key(written);
        String method = cursor.accept("USING") ? cursor.next().text().toLowerCase(Locale.ROOT) : "btree";
        List<SqlToken> elements = cursor.parenthesized();
        // PostgreSQL's covering columns: part of the index, of the name it chooses, and of what dropping one takes
        List<SqlToken> included = cursor.accept("INCLUDE") ? cursor.parenthesized() : List.of();
        List<SqlToken> rest = cursor.rest();
        List<SqlToken> predicate = List.of();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).isWord("WHERE")) {
                predicate = rest.subList(i + 1, rest.size());
                break;
            }
        }
        Table table = model.table(tableName);
        List<List<SqlToken>> elementList = TokenCursor.splitOnCommas(elements);
        if (dialect == Dialect.POSTGRESQL && elementList.size() > 1 && (method.equals("hash") || method.equals("spgist"))) {
            Replayer.refusedDeclaration(problems, at, "index on table " + tableName, "access method \"" + method
                    + "\" does not support multicolumn indexes");
        }
        List<List<SqlToken>> nameElements = new ArrayList<>(elementList);
        nameElements.addAll(TokenCursor.splitOnCommas(included));
        if (table == null) {
            if (model.objects.containsKey("materialized view " + tableName)) {
                // its columns are the view's query's, which the model does not keep; the index is still a name taken
                String viewIndex = name != null ? name : schema + PostgresNames.choose(bareName(tableName),
                        PostgresNames.indexColumns(nameElements), "idx", candidate -> relationExists(model, schema + candidate));
                putIndex(model, new Index(indexKey(tableName, viewIndex), tableName, unique, List.of(),
                        "(" + indexElements(elements) + ")" + (predicate.isEmpty() ? ""
                        : " where " + TokenCursor.expression(predicate))), ifNotExists, at, problems);
            } else {
                Replayer.unknown(problems, true, tableAt, "table " + tableName);
            }
            return;
        }
        List<SqlToken> plainColumns = new ArrayList<>();
        for (List<SqlToken> element : elementList) {
            if (!element.isEmpty() && TokenCursor.isNamePart(element.get(0)) && (element.size() == 1
                    || element.get(1).isWord("ASC") || element.get(1).isWord("DESC") || prefixLength(element))) {
                plainColumns.add(element.get(0));
            }
        }
        for (List<SqlToken> element : TokenCursor.splitOnCommas(included)) {
            if (element.size() == 1 && TokenCursor.isNamePart(element.get(0))) {
                plainColumns.add(element.get(0)); // INCLUDE (c): a column of the table too
            }
        }
        if (table.columnsKnown()) {
            plainColumns.stream().filter(column -> !table.hasColumn(TokenCursor.unquote(column))).forEach(column ->
                    Replayer.unknown(problems, true, column, "column " + TokenCursor.unquote(column) + " of table "
                            + tableName));
        }
        if (dialect.isMySqlFamily()) {
            keyNames(plainColumns, "index", table, problems); // PostgreSQL takes an index on (a, a)
        }
        List<SqlToken> mentioned = new ArrayList<>(elements);
        mentioned.addAll(included);
        mentioned.addAll(predicate);
        List<String> columns = columnsOf(table, mentioned);
        if (name == null) {
            name = schema + PostgresNames.choose(bareName(tableName), PostgresNames.indexColumns(nameElements), "idx",
                    candidate -> relationExists(model, schema + candidate));
        }
        String definition = (method.equals("btree") ? "" : "using " + method + " ") + "(" + indexElements(elements)
                + ")" + (included.isEmpty() ? "" : " include (" + TokenCursor.normalized(included) + ")")
                + (predicate.isEmpty() ? "" : " where " + TokenCursor.expression(predicate));
        definition += dialect == Dialect.POSTGRESQL ? implicitCasts(table, definition) : "";
        putIndex(model, new Index(indexKey(tableName, name), tableName, unique, columns, definition), ifNotExists, at,
                problems);
        foreignKeyIndexes(model, table);
    }

    /** PostgreSQL's relations share one namespace: tables, indexes (a key's too), sequences and views. */
    private static boolean relationExists(SchemaModel model, String name) {
        return model.hasRelation(name) || model.indexes.containsKey(name) || model.tables.values().stream().anyMatch(table -> table.constraints().containsKey(name)
                && table.constraints().get(name).kind() != Constraint.Kind.CHECK
                && table.constraints().get(name).kind() != Constraint.Kind.FOREIGN_KEY);
    }

    void dropIndexes(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        cursor.accept("CONCURRENTLY");
        boolean ifExists = cursor.acceptIfExists();
        do {
            SqlToken at = cursor.peek();
            String name = replayer.key(cursor.name());
            if (name == null) {
                return;
            }
            Table table = null; // MySQL's: its keys are indexes too
            if (cursor.accept("ON")) {
                String tableName = replayer.key(cursor.name());
                table = dialect.isMySqlFamily() ? model.table(tableName) : null;
                Constraint foreignKey = table == null ? null
                        : foreignKeyNeeding(model, table, Set.of(), indexKey(tableName, name), name);
                if (foreignKey != null) {
                    Replayer.indexNeededByKey(problems, at, name, tableName, foreignKey.name());
                    return; // the database refuses the statement
                }
                name = indexKey(tableName, name);
            }
            if (model.indexes.containsKey(name)) {
                model.indexes.remove(name);
                Replayer.dropCommentsOn(model, "index", name);
                continue;
            }
            Constraint key = table == null ? null : table.constraints().get(bareName(name));
            if (isKey(key)) {
                table.changeConstraints().remove(key.name());
                continue;
            }
            Table owner = dialect == Dialect.POSTGRESQL ? constraintIndexOwner(model, name) : null;
            if (owner != null && cursor.ahead().stream().anyMatch(token -> token.isWord("CASCADE"))) {
                owner.changeConstraints().remove(bareName(name)); // CASCADE takes the constraint with its index
                Replayer.dropCommentsOn(model, "index", name);
                Replayer.dropCommentsOn(model, "constraint", bareName(name) + " on " + owner.name());
                continue;
            }
            if (owner != null) {
                Replayer.constraintNeedsIndex(problems, at, name, owner.name());
                return; // PostgreSQL refuses the whole statement
            }
            Replayer.unknown(problems, !ifExists, at, "index " + name);
        } while (cursor.acceptSymbol(','));
    }

    /**
     * The table whose primary key, unique or exclusion constraint has the index {@code name} (PostgreSQL names a
     * constraint's index after it, in the table's schema), or null.
     */
    static Table constraintIndexOwner(SchemaModel model, String name) {
        String schema = schemaPrefix(name);
        String bare = bareName(name);
        for (Table table : model.tables.values()) {
            Constraint constraint = table.constraints().get(bare);
            boolean indexed = constraint != null && (constraint.kind() == Constraint.Kind.PRIMARY_KEY
                    || constraint.kind() == Constraint.Kind.UNIQUE || constraint.kind() == Constraint.Kind.EXCLUDE);
            if (indexed && schemaPrefix(table.name()).equals(schema)) {
                return table;
            }
        }
        return null;
    }

    /** MySQL's index prefix, {@code name(10) [ASC | DESC]}: a column's first characters, not a function call. */
    private boolean prefixLength(List<SqlToken> element) {
        return dialect.isMySqlFamily() && element.size() >= 4 && element.get(1).isSymbol('(')
                && element.get(2).type() == SqlToken.Type.NUMBER && element.get(3).isSymbol(')')
                && (element.size() == 4 || element.size() == 5 && (element.get(4).isWord("ASC")
                || element.get(4).isWord("DESC")));
    }

    void dropTables(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        List<String> names = new ArrayList<>();
        List<SqlToken> ats = new ArrayList<>();
        do {
            ats.add(cursor.peek());
            String name = replayer.key(cursor.name());
            if (name == null) {
                return;
            }
            names.add(name);
        } while (cursor.acceptSymbol(','));
        boolean cascade = cursor.accept("CASCADE");
        // MariaDB takes CASCADE and does nothing with it; foreign_key_checks off lets the table go
        boolean refuses = dialect == Dialect.POSTGRESQL ? !cascade
                : dialect == Dialect.MARIADB ? !replayer.foreignKeyChecksOff() : dialect == Dialect.MYSQL && !cascade;
        if (refuses) {
            for (int i = 0; i < names.size(); i++) {
                Optional<SchemaModel.Reference> key = referenceFromOutside(model, names.get(i), names);
                if (key.isPresent()) {
                    // MySQL refuses too (error 3730), but the model keeps the inline REFERENCES it ignores as keys
                    if (dialect != Dialect.MYSQL) {
                        Replayer.dependent(problems, ats.get(i), "table " + names.get(i), key.get());
                    }
                    return;
                }
                Optional<String> child = TableHierarchy.children(model, TableHierarchy.INHERITANCE, names.get(i))
                        .stream().filter(table -> !names.contains(table)).findFirst();
                if (child.isPresent() && dialect == Dialect.POSTGRESQL) {
                    Replayer.dependent(problems, ats.get(i), "table " + names.get(i), "table " + child.get(),
                            child.get());
                    return;
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (model.table(name) == null) {
                Replayer.unknown(problems, !ifExists, ats.get(i), "table " + name);
                continue;
            }
            List<String> children = new ArrayList<>(TableHierarchy.children(model, TableHierarchy.PARTITION, name));
            if (cascade) {
                children.addAll(TableHierarchy.children(model, TableHierarchy.INHERITANCE, name));
            }
            dropTable(model, name);
            // PostgreSQL drops a partitioned table's partitions with it, and an inheritance parent's children with
            // CASCADE; their own children follow in turn
            for (int next = 0; next < children.size(); next++) {
                String child = children.get(next);
                if (model.table(child) != null) {
                    children.addAll(TableHierarchy.children(model, TableHierarchy.PARTITION, child));
                    if (cascade) {
                        children.addAll(TableHierarchy.children(model, TableHierarchy.INHERITANCE, child));
                    }
                    dropTable(model, child);
                }
            }
            if (cascade) {
                for (String referencing : model.tablesReferencing(name)) {
                    Table other = model.table(referencing);
                    if (other != null) {
                        other.changeConstraints().values().removeIf(c -> name.equals(c.references()));
                    }
                }
                replayer.dropDependentViews(model, name);
            }
        }
    }

    private static void dropTable(SchemaModel model, String name) {
        model.tables.remove(name);
        model.indexesOn(name).forEach(model.indexes::remove);
        model.objectsOf(name).forEach(model.objects::remove);
        TableHierarchy.forgetChild(model, name);
    }

    /** A foreign key pointing at {@code table} from a table that is not dropped with it. */
    private static Optional<SchemaModel.Reference> referenceFromOutside(SchemaModel model, String table,
                                                                        List<String> dropped) {
        return model.referencesTo(table).stream().filter(reference -> !dropped.contains(reference.table())).findFirst();
    }

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}. */
    void renameTables(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (!cursor.accept("TABLE")) {
            return;
        }
        do {
            SqlToken at = cursor.peek();
            String from = replayer.key(cursor.name());
            if (from == null || !cursor.accept("TO")) {
                return;
            }
            SqlToken toAt = cursor.peek();
            String to = replayer.key(cursor.name());
            SchemaObject view = model.objects.get("view " + from);
            if (model.table(to) != null || model.objects.containsKey("view " + to)) {
                Replayer.duplicate(problems, true, toAt, "table " + to);
                return; // the database refuses the whole statement
            } else if (view != null) {
                model.objects.remove("view " + from); // RENAME TABLE moves views too
                model.objects.put("view " + to, view.renamed(to));
            } else if (model.table(from) == null) {
                Replayer.unknown(problems, true, at, "table " + from);
                return;
            } else {
                renameTable(model, from, to);
            }
        } while (cursor.acceptSymbol(','));
    }

    void alterTable(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        cursor.accept("ONLY");
        SqlToken at = cursor.peek();
        String name = replayer.key(cursor.name());
        if (name == null) {
            return;
        }
        if (model.table(name) == null) {
            // PostgreSQL's ALTER TABLE also renames views and sequences and sets their owner (pg_dump writes
            // ALTER TABLE ... OWNER TO for each); SQLite's changes tables only
            boolean sqlite = dialect == Dialect.SQLITE || dialect == Dialect.D1;
            if (!sqlite && renamesObject(model, name, cursor)) {
                return;
            }
            Replayer.unknown(problems, !ifExists && (sqlite || !model.hasRelation(name)), at, "table " + name);
            return;
        }
        List<List<SqlToken>> actions = new ArrayList<>(TokenCursor.splitOnCommas(cursor.rest()));
        AlterDrops drops = AlterDrops.of(actions);
        if (dialect.isMySqlFamily()) {
            // MySQL judges the statement as a whole: DROP COLUMN c, DROP FOREIGN KEY k (or DROP INDEX i) on c is fine
            // there (PostgreSQL applies the actions in order, and the first one took k with c)
            actions.sort(java.util.Comparator.comparing(action -> !dropsKeyOrIndex(action)));
        }
        List<SqlToken> keyColumns = new ArrayList<>();
        int before = problems.size();
        for (List<SqlToken> action : actions) {
            if (!action.isEmpty()) {
                name = new AlterTableAction(this, model, model.table(name), drops, actions.size() == 1, keyColumns,
                        problems).apply(new TokenCursor(action));
            }
        }
        if (model.table(name) != null) {
            if (problems.size() == before) {
                unknownKeyColumn(model.table(name), keyColumns, problems); // ADD UNIQUE (b), ADD COLUMN b is fine
            }
            foreignKeyIndexes(model, model.table(name));
        }
    }

    /** {@code DROP FOREIGN KEY}, {@code DROP CONSTRAINT}, {@code DROP INDEX | KEY} or {@code DROP PRIMARY KEY}. */
    private static boolean dropsKeyOrIndex(List<SqlToken> action) {
        TokenCursor cursor = new TokenCursor(action);
        return cursor.accept("DROP") && (cursor.accept("FOREIGN", "KEY") || cursor.accept("CONSTRAINT")
                || cursor.accept("INDEX") || cursor.accept("KEY") || cursor.accept("PRIMARY", "KEY"));
    }

    /**
     * MySQL's and MariaDB's InnoDB index every foreign key: where no index of the table begins with the key's
     * columns, it makes one, named after the constraint. For a key whose name InnoDB generated ({@code t_ibfk_1})
     * MariaDB names the index after the key's first column; MySQL's name for it is not modelled, so there the index
     * is left out rather than guessed. Dropping the key leaves the index.
     */
    private void foreignKeyIndexes(SchemaModel model, Table table) {
        if (dialect != Dialect.MYSQL && dialect != Dialect.MARIADB) {
            return;
        }
        // InnoDB drops an index it made for a foreign key once another index or key can serve the key
        model.indexes.values().removeIf(index -> index.implicit() && index.table().equals(table.name())
                && coveredOtherwise(model, table, index));
        for (Constraint key : List.copyOf(table.constraints().values())) {
            if (key.kind() != Constraint.Kind.FOREIGN_KEY || key.columns().isEmpty() || indexed(model, table, key.columns())) {
                continue;
            }
            boolean generated = key.name().matches(java.util.regex.Pattern.quote(bareName(table.name())) + "_ibfk_\\d+");
            if (generated && dialect == Dialect.MYSQL) {
                continue;
            }
            String name = generated ? mysqlIndexName(model, table, key.columns().get(0)) : key.name();
            model.indexes.put(indexKey(table.name(), name), new Index(indexKey(table.name(), name), table.name(), false,
                    key.columns(), "(" + String.join(", ", key.columns()) + ")", true));
        }
    }

    /** Whether another index or a key of {@code table} begins with the columns of {@code index}. */
    private static boolean coveredOtherwise(SchemaModel model, Table table, Index index) {
        boolean byIndex = model.indexesOn(table.name()).stream().map(model.indexes::get)
                .anyMatch(other -> other != index && startsWith(other.columns(), index.columns()));
        return byIndex || table.constraints().values().stream()
                .anyMatch(key -> isKey(key) && startsWith(key.columns(), index.columns()));
    }

    /** Whether an index or a primary or unique key of {@code table} begins with {@code columns}. */
    private static boolean indexed(SchemaModel model, Table table, List<String> columns) {
        for (Index index : model.indexes.values()) {
            if (index.table().equals(table.name()) && startsWith(index.columns(), columns)) {
                return true;
            }
        }
        return table.constraints().values().stream().anyMatch(c -> (c.kind() == Constraint.Kind.PRIMARY_KEY
                || c.kind() == Constraint.Kind.UNIQUE) && startsWith(c.columns(), columns));
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    /**
     * The foreign key of {@code table} that rests on the index (or MySQL key) about to be dropped, or null: InnoDB
     * refuses to drop the index a foreign key uses, one that begins with its columns, unless another index or key
     * does too, or the statement drops the foreign key as well ({@code keysDropped}).
     */
    static Constraint foreignKeyNeeding(SchemaModel model, Table table, Set<String> keysDropped, String indexKey,
                                        String keyName) {
        Index index = model.indexes.get(indexKey);
        Constraint key = table.constraints().get(keyName);
        List<String> columns = index != null ? index.columns() : isKey(key) ? key.columns() : null;
        if (columns == null) {
            return null;
        }
        for (Constraint foreignKey : table.constraints().values()) {
            if (foreignKey.kind() != Constraint.Kind.FOREIGN_KEY || keysDropped.contains(foreignKey.name())
                    || foreignKey.columns().isEmpty() || !startsWith(columns, foreignKey.columns())) {
                continue;
            }
            boolean otherIndex = model.indexesOn(table.name()).stream().filter(other -> !other.equals(indexKey))
                    .map(model.indexes::get).anyMatch(other -> startsWith(other.columns(), foreignKey.columns()));
            boolean otherKey = table.constraints().values().stream().anyMatch(other -> !other.name().equals(keyName)
                    && isKey(other) && startsWith(other.columns(), foreignKey.columns()));
            if (!otherIndex && !otherKey) {
                return foreignKey;
            }
        }
        return null;
    }

    // The pieces AlterTableAction shares with CREATE TABLE.

    Dialect dialect() {
        return dialect;
    }

    String key(String name) {
        return replayer.key(name);
    }

    String renamedKey(String renamed, String newName) {
        return replayer.renamedKey(renamed, newName);
    }

    boolean addTableElement(SchemaModel model, Table table, TokenCursor cursor, boolean tableComplete,
                            List<SqlToken> keyColumns, List<ReplayProblem> problems) {
        return tableElement(model, table, cursor, tableComplete, keyColumns, problems);
    }

    void addColumnTo(SchemaModel model, Table table, ColumnDefinition definition) {
        addColumn(model, table, definition);
    }

    /**
     * Whether a column's inline REFERENCES names a key the other table lacks, or one of a type PostgreSQL cannot join
     * to the column's; reports it at {@code at}.
     */
    boolean refusesReference(SchemaModel model, Table table, ColumnDefinition column, boolean tableComplete,
                             SqlToken at, List<ReplayProblem> problems) {
        for (ColumnDefinition.InlineConstraint inline : column.constraints()) {
            String missingKey = inline.kind() == Constraint.Kind.FOREIGN_KEY
                    ? missingKey(model, table, inline, tableComplete, true) : null;
            if (missingKey != null) {
                Replayer.unknown(problems, true, at, missingKey);
                return true;
            }
            // MySQL before 9 ignores a column's inline REFERENCES (MariaDB makes the key): no key, nothing refused
            String mismatch = inline.kind() == Constraint.Kind.FOREIGN_KEY && dialect != Dialect.MYSQL
                    ? mismatchedTypes(model, List.of(column.column()), inline) : null;
            if (mismatch != null) {
                Replayer.keyTypesMismatch(problems, at, mismatch);
                return true;
            }
            String nulling = inline.kind() == Constraint.Kind.FOREIGN_KEY && dialect == Dialect.MARIADB
                    ? setNullOnNotNull(List.of(column.column()), inline) : null;
            if (nulling != null) {
                Replayer.refusedDeclaration(problems, at, "table " + table.name(), nulling);
                return true;
            }
        }
        return false;
    }

    /**
     * MySQL and MariaDB refuse a foreign key that sets a NOT NULL column to NULL (MySQL: error 1830; MariaDB: errno
     * 150) while foreign_key_checks is on; PostgreSQL takes it and fails only when a row is deleted. The refusal, or
     * null.
     */
    private String setNullOnNotNull(List<Column> columns, ColumnDefinition.InlineConstraint reference) {
        if (!dialect.isMySqlFamily() || replayer.foreignKeyChecksOff() || !reference.onDelete().equals("SET NULL")) {
            return null;
        }
        return columns.stream().filter(column -> column != null && column.notNull()).findFirst()
                .map(column -> "Column '" + column.name() + "' cannot be NOT NULL: needed in a foreign key constraint"
                        + " with ON DELETE SET NULL (MySQL error 1830, MariaDB errno 150); make " + column.name()
                        + " nullable, or choose ON DELETE CASCADE").orElse(null);
    }

    /** The first pair of columns of a foreign key whose types the database cannot join, described; else null. */
    private String mismatchedTypes(SchemaModel model, List<Column> columns, ColumnDefinition.InlineConstraint reference) {
        if (reference.references() == null
                || columns.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        Table target = model.table(replayer.key(reference.references()));
        if (target == null || !target.columnsKnown()) {
            return null;
        }
        List<String> refColumns = reference.refColumns();
        if (refColumns.isEmpty()) {
            refColumns = target.constraints().values().stream().filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY)
                    .map(Constraint::columns).findFirst().orElse(List.of());
        }
        return ForeignKeyTypes.mismatch(dialect, columns, target, refColumns);
    }

    void dropColumn(SchemaModel model, Table table, String column, boolean cascade) {
        table.changeColumns().remove(column);
        table.changeConstraints().values().removeIf(c -> c.columns().contains(column));
        for (String key : model.indexesOn(table.name())) {
            Index index = model.indexes.get(key);
            if (!index.columns().contains(column)) {
                continue;
            }
            if (dialect.isMySqlFamily() && index.columns().size() > 1) {
                model.indexes.put(key, withoutColumn(index, column)); // MySQL keeps the index on the other columns
            } else {
                model.indexes.remove(key);
            }
        }
        model.objects.values().removeIf(object -> object.key().equals("on column " + table.name() + "." + column));
        dropOwnedSequences(model, table.name(), column);
        if (cascade) {
            for (Table other : model.tables.values()) {
                if (other.references(table.name())) {
                    other.changeConstraints().values().removeIf(c -> table.name().equals(c.references())
                            && c.refColumns().contains(column));
                }
            }
            replayer.dropDependentViews(model, column);
        }
    }

    /** The index without the element that is {@code column} (its definition is {@code [using m] (a, b(10), ...)}). */
    private static Index withoutColumn(Index index, String column) {
        String definition = index.definition();
        int open = definition.indexOf('(');
        int close = definition.lastIndexOf(')');
        if (open < 0 || close < open) {
            return index;
        }
        List<String> kept = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char c = definition.charAt(i);
            depth += c == '(' ? 1 : c == ')' && i < close ? -1 : 0;
            if (depth == 0 && (c == ',' || i == close)) {
                String element = definition.substring(start, i).trim();
                if (!element.equals(column) && !element.startsWith(column + " ") && !element.startsWith(column + "(")) {
                    kept.add(element);
                }
                start = i + 1;
            }
        }
        List<String> columns = index.columns().stream().filter(other -> !other.equals(column)).toList();
        return new Index(index.name(), index.table(), index.unique(), columns,
                definition.substring(0, open + 1) + String.join(", ", kept) + definition.substring(close), index.implicit());
    }

    void renameColumn(SchemaModel model, Table table, String from, String to) {
        Map<String, Column> renamed = new LinkedHashMap<>();
        table.columns().forEach((name, column) -> {
            if (name.equals(from)) {
                renamed.put(to, column.renamed(to));
            } else {
                renamed.put(name, column);
            }
        });
        table.changeColumns().clear();
        table.changeColumns().putAll(renamed);
        table.changeConstraints().replaceAll((name, c) -> c.withColumns(replace(c.columns(), from, to),
                table.name().equals(c.references()) ? replace(c.refColumns(), from, to) : c.refColumns(),
                c.references()));
        model.indexes.replaceAll((name, index) -> index.table().equals(table.name())
                ? index.onTable(index.table(), replace(index.columns(), from, to)) : index);
        for (Table other : model.tables.values()) {
            if (other != table && other.references(table.name())) {
                other.changeConstraints().replaceAll((name, c) -> table.name().equals(c.references())
                        ? c.withColumns(c.columns(), replace(c.refColumns(), from, to), c.references()) : c);
            }
        }
        rekeyComment(model, "on column " + table.name() + "." + from, "on column " + table.name() + "." + to);
    }

    /** Gives the indexes on {@code table} whose keys start with {@code oldPrefix} keys that start with {@code newPrefix}. */
    static void rekeyIndexes(SchemaModel model, String table, String oldPrefix, String newPrefix) {
        Map<String, Index> moved = new LinkedHashMap<>();
        model.indexes.entrySet().removeIf(entry -> {
            if (!entry.getValue().table().equals(table) || !entry.getKey().startsWith(oldPrefix)) {
                return false;
            }
            String key = newPrefix + entry.getKey().substring(oldPrefix.length());
            moved.put(key, entry.getValue().renamed(key));
            return true;
        });
        model.indexes.putAll(moved);
    }

    void renameTable(SchemaModel model, String from, String to) {
        Table table = model.tables.remove(from);
        model.tables.put(to, table.renamed(to));
        model.indexes.replaceAll((name, index) -> index.table().equals(from) ? index.onTable(to, index.columns()) : index);
        if (dialect.isMySqlFamily()) {
            rekeyIndexes(model, to, from + ".", to + "."); // MySQL names indexes per table, and the model keys them so
        }
        for (Table other : model.tables.values()) {
            if (other.references(from)) {
                other.changeConstraints().replaceAll((name, c) -> from.equals(c.references())
                        ? c.withColumns(c.columns(), c.refColumns(), to) : c);
            }
        }
        TableHierarchy.childRenamed(model, from, to);
        objectsFollow(model, from, to);
    }

    /** The objects that belong to the relation {@code from} (triggers, policies, comments) now belong to {@code to}. */
    void objectsFollow(SchemaModel model, String from, String to) {
        Map<String, SchemaObject> moved = new LinkedHashMap<>();
        model.objects.values().removeIf(object -> {
            if (!from.equals(object.table())) {
                return false;
            }
            if (TableHierarchy.isLink(object)) {
                SchemaObject link = TableHierarchy.underParent(object, to);
                moved.put(link.kind() + " " + link.key(), link);
                return true;
            }
            String newKey = object.key().replace(" on " + from, " on " + to)
                    .replace("on table " + from, "on table " + to).replace("on column " + from + ".", "on column " + to + ".");
            moved.put(object.kind() + " " + newKey, new SchemaObject(object.kind(), newKey, to, object.definition()));
            return true;
        });
        model.objects.putAll(moved);
    }

    private static void rekeyComment(SchemaModel model, String from, String to) {
        SchemaObject comment = model.objects.remove("comment " + from);
        if (comment != null) {
            model.objects.put("comment " + to, new SchemaObject("comment", to, comment.table(), comment.definition()));
        }
    }

    private static List<String> replace(List<String> names, String from, String to) {
        return names.stream().map(name -> name.equals(from) ? to : name).toList();
    }
}
