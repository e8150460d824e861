package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;
import dev.drydock.validator.statement.PostgresFunctions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies statements to a {@link SchemaModel} the way the database would, implicit effects included:
 * dropping a column takes its indexes and constraints with it, dropping a table its indexes, triggers and
 * owned sequences, CASCADE reaches into other tables, RENAME carries references along.
 *
 * <p>Statements it does not model (DML, grants, settings, procedural blocks) leave the schema as it is.
 */
public final class Replayer {

    private final Dialect dialect;
    private final TableStatements tables;
    private final RelationUses relations = new RelationUses(this);
    private final SearchPath searchPath = new SearchPath();
    private boolean foreignKeyChecksOff;
    /** The model the last statement was applied to: where the search path looks names up. */
    private SchemaModel model;

    public Replayer(Dialect dialect) {
        this.dialect = dialect;
        this.tables = new TableStatements(dialect, this);
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Whether MySQL's {@code foreign_key_checks} is off: a foreign key may then name a table that does not exist.
     * The setting is the session's, and runners keep one session for a run, so it holds across scripts.
     */
    public boolean foreignKeyChecksOff() {
        return foreignKeyChecksOff;
    }

    /**
     * Applies MySQL's executable comments ({@code /*!40014 SET FOREIGN_KEY_CHECKS=0 *}{@code /}, as dumps write
     * them) of {@code text}, which the statements do not show: MySQL runs them, so their settings count.
     */
    public void executableComments(String text) {
        if (!dialect.isMySqlFamily() || !text.contains("/*!")) {
            return;
        }
        Matcher comment = EXECUTABLE_COMMENT.matcher(text);
        while (comment.find()) {
            List<SqlToken> tokens = SqlLexer.tokens(dialect, comment.group(1));
            if (!tokens.isEmpty() && tokens.get(0).isWord("SET")) {
                noteForeignKeyChecks(tokens);
            }
        }
    }

    /**
     * {@code SET [SESSION | @@[session.]]foreign_key_checks = 0 | OFF | 1 | ON | @saved}, alone or in a list; a
     * value from a variable is the dump's restore of the setting, taken as on.
     */
    private void noteForeignKeyChecks(List<SqlToken> tokens) {
        for (int i = 1; i + 2 < tokens.size(); i++) {
            // @foreign_key_checks is a user variable; @@foreign_key_checks the setting
            boolean variable = tokens.get(i - 1).isSymbol('@') && (i < 2 || !tokens.get(i - 2).isSymbol('@'));
            if (tokens.get(i).isWord("foreign_key_checks") && !variable && tokens.get(i + 1).isSymbol('=')) {
                String value = tokens.get(i + 2).text();
                foreignKeyChecksOff = value.equals("0") || value.equalsIgnoreCase("OFF")
                        || value.equalsIgnoreCase("FALSE");
            }
        }
    }

    /** A script begins: PostgreSQL's search path is the default again. */
    public void startScript(SchemaModel model) {
        this.model = model;
        searchPath.reset();
    }

    /** Applies one statement; returns what it named that does not exist, or created that already did. */
    public List<ReplayProblem> apply(SchemaModel model, List<SqlToken> tokens) {
        List<ReplayProblem> problems = new ArrayList<>();
        if (tokens.isEmpty()) {
            return problems;
        }
        this.model = model;
        if (dialect == Dialect.POSTGRESQL) {
            searchPath.note(tokens);
        }
        if (dialect == Dialect.POSTGRESQL) {
            relations.sequencesCalled(model, tokens, problems);
        }
        TokenCursor cursor = new TokenCursor(tokens);
        String verb = cursor.next().text().toUpperCase(Locale.ROOT);
        switch (verb) {
            case "CREATE" -> create(model, cursor, problems);
            case "ALTER" -> alter(model, cursor, problems);
            case "DROP" -> drop(model, cursor, problems);
            case "COMMENT" -> comment(model, cursor, problems);
            case "RENAME" -> tables.renameTables(model, cursor, problems);
            case "SELECT" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    tables.selectInto(model, tokens, problems);
                }
            }
            case "INSERT", "REPLACE", "UPDATE", "DELETE" -> DataReferences.check(this, model, verb, cursor, problems);
            case "TRUNCATE" -> relations.truncated(model, cursor, problems);
            case "SET" -> {
                if (dialect.isMySqlFamily()) {
                    noteForeignKeyChecks(tokens);
                }
            }
            case "REFRESH" -> relations.refreshed(model, cursor, problems);
            case "REINDEX" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    relations.reindexed(model, cursor, problems);
                }
            }
            case "CLUSTER" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    relations.clustered(model, cursor, problems);
                }
            }
            case "ANALYZE", "ANALYSE", "VACUUM" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    relations.maintained(model, cursor, problems);
                }
            }
            case "GRANT", "REVOKE" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    relations.granted(model, cursor, problems);
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private void create(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        boolean orReplace = cursor.accept("OR", "REPLACE");
        while (cursor.accept("TEMP") || cursor.accept("TEMPORARY") || cursor.accept("UNLOGGED")
                || cursor.accept("GLOBAL") || cursor.accept("LOCAL") || cursor.accept("RECURSIVE")
                || cursor.accept("TRUSTED") || cursor.accept("PROCEDURAL") || cursor.accept("CONSTRAINT")
                || cursor.accept("VIRTUAL") || definerClause(cursor)) {
            // modifiers that change nothing the model compares
        }
        if (cursor.accept("TABLE")) {
            tables.createTable(model, cursor, problems);
        } else if (cursor.accept("UNIQUE", "INDEX")) {
            tables.createIndex(model, cursor, true, problems);
        } else if (cursor.accept("INDEX") || cursor.accept("FULLTEXT", "INDEX") || cursor.accept("SPATIAL", "INDEX")) {
            tables.createIndex(model, cursor, false, problems);
        } else if (cursor.accept("MATERIALIZED", "VIEW")) {
            view(model, cursor, "materialized view", orReplace, problems);
        } else if (cursor.accept("VIEW")) {
            view(model, cursor, "view", orReplace, problems);
        } else if (cursor.accept("TRIGGER")) {
            trigger(model, cursor, orReplace, problems);
        } else if (cursor.accept("FUNCTION") || cursor.accept("PROCEDURE") || cursor.accept("AGGREGATE")) {
            routine(model, cursor, cursor.current().text().toLowerCase(Locale.ROOT), orReplace, problems);
        } else if (cursor.accept("SEQUENCE")) {
            simpleObject(model, cursor, "sequence", problems);
        } else if (cursor.accept("TYPE")) {
            simpleObject(model, cursor, "type", problems);
        } else if (cursor.accept("DOMAIN")) {
            simpleObject(model, cursor, "domain", problems);
        } else if (cursor.accept("EXTENSION")) {
            simpleObject(model, cursor, "extension", problems);
        } else if (cursor.accept("SCHEMA")) {
            simpleObject(model, cursor, "schema", problems);
        } else if (cursor.accept("OPERATOR", "CLASS")) {
            operatorClass(model, cursor, problems);
        } else if (cursor.accept("POLICY")) {
            policy(model, cursor, problems);
        } else if (cursor.accept("STATISTICS") && dialect == Dialect.POSTGRESQL) {
            statistics(model, cursor, problems);
        }
    }

    /**
     * PostgreSQL's {@code CREATE STATISTICS s [(kinds)] ON a, b FROM t}: a column the table lacks, when the model
     * knows every column of it, is refused ("column does not exist"). Expressions are not judged.
     */
    private void statistics(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        cursor.acceptIfNotExists();
        cursor.name();
        cursor.parenthesized();
        if (!cursor.accept("ON")) {
            return;
        }
        List<List<SqlToken>> elements = new ArrayList<>();
        do {
            elements.add(cursor.until("FROM"));
        } while (cursor.acceptSymbol(','));
        if (!cursor.accept("FROM")) {
            return;
        }
        Table table = model.table(key(cursor.name()));
        if (table == null || !table.columnsKnown() || !cursor.atEnd()) {
            return; // a missing table is PostgreSQL's error too, but a join or a second table is not read here
        }
        for (List<SqlToken> element : elements) {
            if (element.size() == 1 && TokenCursor.isNamePart(element.get(0))
                    && !table.hasColumn(TokenCursor.unquote(element.get(0)))) {
                unknown(problems, true, element.get(0), "column " + TokenCursor.unquote(element.get(0)) + " of table "
                        + table.name());
                return;
            }
        }
    }

    /** MySQL's {@code DEFINER = user@host} and {@code ALGORITHM = x} and {@code SQL SECURITY x} before the type. */
    private static boolean definerClause(TokenCursor cursor) {
        if ((cursor.isWord("DEFINER") || cursor.isWord("ALGORITHM")) && cursor.peek(1) != null
                && cursor.peek(1).isSymbol('=')) {
            cursor.next();
            cursor.next();
            while (!cursor.atEnd() && !cursor.isWord("VIEW") && !cursor.isWord("TRIGGER")
                    && !cursor.isWord("FUNCTION") && !cursor.isWord("PROCEDURE") && !cursor.isWord("EVENT")
                    && !cursor.isWord("SQL") && !cursor.isWord("ALGORITHM") && !cursor.isWord("DEFINER")) {
                cursor.next();
            }
            return true;
        }
        if (cursor.accept("SQL", "SECURITY")) {
            cursor.next();
            return true;
        }
        return false;
    }

    private void alter(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (cursor.accept("TABLE")) {
            tables.alterTable(model, cursor, problems);
        } else if (cursor.accept("INDEX")) {
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String name = key(cursor.name());
            if (name != null && cursor.accept("RENAME", "TO")) {
                Index index = model.indexes.remove(name);
                if (index == null && !renameConstraintIndex(model, name, cursor.peek() == null ? null
                        : TokenCursor.unquote(cursor.peek()))) {
                    unknown(problems, !ifExists, at, "index " + name);
                } else if (index != null) {
                    String newName = renamedKey(name, cursor.name());
                    model.indexes.put(newName, index.renamed(newName));
                }
            }
        } else if (cursor.accept("TYPE")) {
            alterType(model, cursor, problems);
        } else if (cursor.accept("FUNCTION") || cursor.accept("PROCEDURE")) {
            renameRoutine(model, cursor, cursor.current().text().toLowerCase(Locale.ROOT), problems);
        } else if (cursor.accept("POLICY")) {
            alterPolicy(model, cursor, problems);
        } else if (cursor.accept("TRIGGER")) {
            alterTrigger(model, cursor, problems);
        } else {
            for (String kind : List.of("VIEW", "SEQUENCE", "DOMAIN", "SCHEMA")) {
                if (cursor.accept(kind)) {
                    renameObject(model, cursor, kind.toLowerCase(Locale.ROOT), problems);
                    return;
                }
            }
            if (cursor.accept("MATERIALIZED", "VIEW")) {
                renameObject(model, cursor, "materialized view", problems);
            }
        }
    }

    private void drop(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (cursor.accept("TABLE")) {
            tables.dropTables(model, cursor, problems);
        } else if (cursor.accept("INDEX")) {
            tables.dropIndexes(model, cursor, problems);
        } else if (cursor.accept("MATERIALIZED", "VIEW")) {
            dropObjects(model, cursor, "materialized view", problems);
        } else if (cursor.accept("OPERATOR", "CLASS")) {
            dropObjects(model, cursor, "operator class", problems); // DROP OPERATOR CLASS c USING method
        } else if (cursor.accept("OPERATOR", "FAMILY")) {
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String name = key(cursor.name());
            if (name != null) {
                if (model.objects.remove("operator family " + name) == null) {
                    unknown(problems, !ifExists, at, "operator family " + name);
                }
                model.objects.remove("operator class " + name); // the class PostgreSQL made the family for goes too
            }
        } else if (cursor.accept("FUNCTION") || cursor.accept("PROCEDURE") || cursor.accept("AGGREGATE")) {
            dropRoutines(model, cursor, cursor.current().text().toLowerCase(Locale.ROOT), problems);
        } else if (cursor.accept("TRIGGER")) {
            dropTrigger(model, cursor, problems);
        } else if (cursor.accept("POLICY")) {
            boolean ifExists = cursor.acceptIfExists();
            SqlToken at = cursor.peek();
            String name = cursor.name();
            cursor.accept("ON");
            String table = key(cursor.name());
            if (model.objects.remove("policy " + name + " on " + table) == null) {
                unknown(problems, !ifExists, at, "policy " + name + " on " + table);
            }
        } else {
            for (String kind : List.of("VIEW", "SEQUENCE", "TYPE", "DOMAIN", "EXTENSION", "SCHEMA")) {
                if (cursor.accept(kind)) {
                    dropObjects(model, cursor, kind.toLowerCase(Locale.ROOT), problems);
                    return;
                }
            }
        }
    }

    private void view(SchemaModel model, TokenCursor cursor, String kind, boolean orReplace,
                      List<ReplayProblem> problems) {
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        if (name == null) {
            return;
        }
        String definition = TokenCursor.normalized(cursor.rest());
        if (model.objects.containsKey(kind + " " + name) && !orReplace) {
            duplicate(problems, !ifNotExists, at, kind + " " + name);
            return;
        }
        SchemaObject replaced = model.objects.get(kind + " " + name);
        SchemaObject view = new SchemaObject(kind, name, null, definition, starColumns(model, definition));
        if (replaced != null && dialect == Dialect.POSTGRESQL) {
            String refusal = droppedViewColumn(replaced, view);
            if (refusal != null) {
                refusedDeclaration(problems, at, kind + " " + name, refusal + " (CREATE OR REPLACE VIEW may only add"
                        + " columns at the end); keep the view's columns in their order, or DROP VIEW " + name
                        + " first");
                return; // PostgreSQL keeps the old view
            }
        }
        model.objects.put(kind + " " + name, view);
    }

    /** What PostgreSQL says of a replacement that drops or renames one of the view's columns; null when it may. */
    private static String droppedViewColumn(SchemaObject old, SchemaObject replacement) {
        List<String> before = ViewOutput.names(old.definition(), old.usedColumns());
        List<String> after = ViewOutput.names(replacement.definition(), replacement.usedColumns());
        if (before == null || after == null) {
            return null;
        }
        if (after.size() < before.size()) {
            return "cannot drop columns from view";
        }
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null && after.get(i) != null && !before.get(i).equals(after.get(i))) {
                return "cannot change name of view column \"" + before.get(i) + "\" to \"" + after.get(i) + "\"";
            }
        }
        return null;
    }

    /**
     * The columns a PostgreSQL view's {@code SELECT * FROM t} stands for: those of {@code t} when the view is made,
     * which PostgreSQL writes into the view then. None when the table's columns are not all known.
     */
    private List<String> starColumns(SchemaModel model, String definition) {
        String relation = dialect == Dialect.POSTGRESQL ? ViewColumns.starRelation(definition) : null;
        Table table = relation == null ? null : model.table(key(relation));
        if (table == null || !table.columnsKnown()) {
            return List.of();
        }
        return table.columns().keySet().stream().map(column -> table.name() + "." + column).toList();
    }

    private void trigger(SchemaModel model, TokenCursor cursor, boolean orReplace, List<ReplayProblem> problems) {
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        List<SqlToken> rest = cursor.rest();
        String table = null;
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (rest.get(i).isWord("ON")) {
                table = key(new TokenCursor(rest, i + 1).name());
                break;
            }
        }
        if (name == null || table == null) {
            return;
        }
        if (model.table(table) == null && !model.objects.containsKey("view " + table)) {
            unknown(problems, true, at, "table " + table);
        }
        if (dialect == Dialect.POSTGRESQL) {
            unknownTriggerFunction(model, rest, problems);
        } else if (dialect.isMySqlFamily()) {
            TriggerRows.check(model.table(table), rest, problems);
        }
        String keyText = triggerKey(name, table);
        if (model.objects.containsKey("trigger " + keyText) && !orReplace) {
            duplicate(problems, !ifNotExists, at, "trigger " + keyText);
            return;
        }
        model.objects.put("trigger " + keyText, new SchemaObject("trigger", keyText, table, triggerText(rest)));
    }

    /** PostgreSQL's own functions that return trigger: a trigger may call them without a migration making them. */
    private static final Pattern EXECUTABLE_COMMENT = Pattern.compile("/\\*!\\d*(.*?)\\*/", Pattern.DOTALL);

    private static final Set<String> BUILT_IN_TRIGGER_FUNCTIONS = Set.of("suppress_redundant_updates_trigger",
            "tsvector_update_trigger", "tsvector_update_trigger_column", "unique_key_recheck");

    /**
     * {@code EXECUTE FUNCTION f()} of a function no migration made and PostgreSQL does not have: it refuses the
     * trigger ("function f() does not exist"). Not once an extension is created (it may bring the function), nor for
     * a function of a schema no migration made. And of one made with a built-in result other than trigger.
     */
    private void unknownTriggerFunction(SchemaModel model, List<SqlToken> rest, List<ReplayProblem> problems) {
        int execute = TopLevel.indexOfWord(rest, "EXECUTE");
        if (execute < 0 || execute + 2 >= rest.size()
                || !rest.get(execute + 1).isWord("FUNCTION") && !rest.get(execute + 1).isWord("PROCEDURE")) {
            return;
        }
        TokenCursor cursor = new TokenCursor(rest, execute + 2);
        SqlToken at = cursor.peek();
        String function = key(cursor.name());
        if (function == null || BUILT_IN_TRIGGER_FUNCTIONS.contains(function) || model.inUnmadeSchema(function)
                || model.hasAny("extension")) {
            return;
        }
        if (!model.hasRoutine(function, "function")) {
            unknown(problems, true, at, "function " + function + "()");
            return;
        }
        SchemaObject called = model.objects.get("function " + function + "()");
        if (called != null && RoutineDefinition.returnsOtherThanTrigger(called.definition())) {
            refusedDeclaration(problems, at, "function " + function + "()", "function " + function
                    + " must return type trigger; declare it RETURNS trigger");
        }
    }

    /**
     * A trigger's definition as compared. PostgreSQL reads {@code EXECUTE PROCEDURE} as {@code EXECUTE FUNCTION}
     * and keeps the table, not how it was written, so {@code ON public.t} and {@code ON t} are one trigger.
     */
    private String triggerText(List<SqlToken> rest) {
        String text = TokenCursor.normalized(rest);
        return dialect != Dialect.POSTGRESQL ? text
                : text.replace(" execute procedure ", " execute function ").replace(" on public . ", " on ");
    }

    private static final Pattern EXECUTES = Pattern.compile(" execute function ([a-z0-9_$\". ]+?) \\(");

    /** A PostgreSQL trigger that executes the function {@code name} (a model key); null when none does. */
    private SchemaObject triggerCalling(SchemaModel model, String name) {
        if (dialect != Dialect.POSTGRESQL) {
            return null;
        }
        for (SchemaObject object : model.objects.values()) {
            Matcher called = object.kind().equals("trigger") ? EXECUTES.matcher(" " + object.definition()) : null;
            if (called != null && called.find() && name.equals(key(called.group(1).replace(" ", "").replace("\"", "")))) {
                return object;
            }
        }
        return null;
    }

    /** PostgreSQL names triggers per table; SQLite and MySQL per schema. */
    private String triggerKey(String name, String table) {
        return dialect == Dialect.POSTGRESQL ? name + " on " + table : name;
    }

    private void dropTrigger(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        String table = cursor.accept("ON") ? key(cursor.name()) : null;
        String keyText = table == null ? name : triggerKey(name, table);
        if (model.objects.remove("trigger " + keyText) == null) {
            unknown(problems, !ifExists, at, "trigger " + keyText);
        } else if (dialect == Dialect.POSTGRESQL) {
            dropCommentsOn(model, "trigger", name + " on " + table);
        }
    }

    private void policy(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String name = cursor.name();
        if (!cursor.accept("ON")) {
            return;
        }
        String table = key(cursor.name());
        if (model.table(table) == null) {
            unknown(problems, true, at, "table " + table);
        }
        String keyText = name + " on " + table;
        if (model.objects.containsKey("policy " + keyText)) {
            duplicate(problems, true, at, "policy " + keyText);
        }
        model.objects.put("policy " + keyText, new SchemaObject("policy", keyText, table,
                TokenCursor.normalized(cursor.rest())));
    }

    /**
     * The index of a primary key, unique or exclusion constraint has the constraint's name, and renaming it renames
     * the constraint. Whether {@code index} is one; if so it is renamed to {@code newName}.
     */
    private static boolean renameConstraintIndex(SchemaModel model, String index, String newName) {
        String schema = TableStatements.schemaPrefix(index);
        String bare = index.substring(schema.length());
        for (Table table : model.tables.values()) {
            Constraint constraint = table.constraints().get(bare);
            if (table.name().startsWith(schema) && constraint != null && constraint.kind() != Constraint.Kind.CHECK
                    && constraint.kind() != Constraint.Kind.FOREIGN_KEY) {
                if (newName != null) {
                    table.changeConstraints().remove(bare);
                    table.changeConstraints().put(newName, new Constraint(newName, constraint.kind(),
                            constraint.columns(), constraint.references(), constraint.refColumns(),
                            constraint.onDelete(), constraint.definition()));
                }
                return true;
            }
        }
        return false;
    }

    /** {@code ALTER TRIGGER name ON table RENAME TO other}. */
    private void alterTrigger(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        if (name == null || !cursor.accept("ON")) {
            return;
        }
        String table = key(cursor.name());
        SchemaObject trigger = model.objects.get("trigger " + triggerKey(name, table));
        if (trigger == null) {
            unknown(problems, true, at, "trigger " + triggerKey(name, table));
        } else if (cursor.accept("RENAME", "TO")) {
            String keyText = triggerKey(key(cursor.name()), table);
            model.objects.remove("trigger " + triggerKey(name, table));
            model.objects.put("trigger " + keyText, new SchemaObject("trigger", keyText, table, trigger.definition()));
        }
    }

    /** {@code ALTER POLICY name ON table RENAME TO other}; its other forms change what the model does not compare. */
    private void alterPolicy(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String name = cursor.name();
        if (name == null || !cursor.accept("ON")) {
            return;
        }
        String table = key(cursor.name());
        SchemaObject policy = model.objects.get("policy " + name + " on " + table);
        if (policy == null) {
            unknown(problems, true, at, "policy " + name + " on " + table);
        } else if (cursor.accept("RENAME", "TO")) {
            String keyText = cursor.name() + " on " + table;
            model.objects.remove("policy " + name + " on " + table);
            model.objects.put("policy " + keyText, new SchemaObject("policy", keyText, table, policy.definition()));
        }
    }

    private void routine(SchemaModel model, TokenCursor cursor, String kind, boolean orReplace,
                         List<ReplayProblem> problems) {
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        if (name == null) {
            return;
        }
        String signature = name + signature(cursor.parenthesized());
        String definition = dialect == Dialect.POSTGRESQL ? RoutineDefinition.canonical(cursor.rest())
                : TokenCursor.normalized(cursor.rest());
        String keyText = kind + " " + signature;
        if (model.objects.containsKey(keyText) && !orReplace) {
            duplicate(problems, !ifNotExists, at, keyText);
            return;
        }
        SchemaObject replaced = model.objects.get(keyText);
        if (replaced != null && kind.equals("function") && dialect == Dialect.POSTGRESQL
                && RoutineDefinition.resultChanged(replaced.definition(), definition)) {
            refusedDeclaration(problems, at, keyText, "cannot change return type of existing function " + signature
                    + " (CREATE OR REPLACE keeps it); DROP FUNCTION " + signature + " first, then create it");
            return; // PostgreSQL keeps the old function
        }
        model.objects.put(keyText, new SchemaObject(kind, signature, null, definition));
    }

    /**
     * A routine's identity: its name and input argument types (PostgreSQL overloads by them; MySQL and SQLite
     * do not overload, and there the arguments are left out).
     */
    private String signature(List<SqlToken> arguments) {
        if (dialect != Dialect.POSTGRESQL) {
            return "";
        }
        List<String> types = new ArrayList<>();
        for (List<SqlToken> argument : TokenCursor.splitOnCommas(arguments)) {
            TokenCursor cursor = new TokenCursor(argument);
            if (cursor.accept("OUT")) {
                continue;
            }
            if (!cursor.accept("IN") && !cursor.accept("INOUT")) {
                cursor.accept("VARIADIC");
            }
            List<SqlToken> rest = cursor.until("DEFAULT");
            List<SqlToken> typeTokens = rest.size() > 1 && !TypeName.startsType(rest.get(0).text())
                    ? rest.subList(1, rest.size()) : rest;
            List<SqlToken> withoutDefault = new ArrayList<>();
            for (SqlToken token : typeTokens) {
                if (token.isSymbol('=')) {
                    break;
                }
                withoutDefault.add(token);
            }
            types.add(TypeName.normalize(dialect, TokenCursor.normalized(withoutDefault)));
        }
        return "(" + String.join(", ", types) + ")";
    }

    private void dropRoutines(SchemaModel model, TokenCursor cursor, String kind, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        boolean cascade = cursor.ahead().stream().anyMatch(token -> token.isWord("CASCADE"));
        List<String> dropped = new ArrayList<>();
        do {
            SqlToken at = cursor.peek();
            String name = key(cursor.name());
            if (name == null) {
                return;
            }
            boolean withArguments = cursor.isSymbol('(');
            String keyText = routineKey(model, kind, name,
                    withArguments ? signature(cursor.parenthesized()) : signature(List.of()), withArguments);
            SchemaObject trigger = cascade || !kind.equals("function") || !keyText.endsWith("()")
                    || !model.objects.containsKey(keyText) ? null : triggerCalling(model, name);
            if (trigger != null) {
                dependent(problems, at, keyText, "trigger " + trigger.key(), trigger.table());
                return; // PostgreSQL refuses the whole statement
            }
            if (model.objects.remove(keyText) == null) {
                unknown(problems, !ifExists, at, keyText);
                continue;
            }
            dropped.add(name);
            if (model.objects.keySet().stream().noneMatch(k -> k.startsWith(kind + " " + name + "("))) {
                dropCommentsOn(model, kind, name); // the last of its overloads: no comment can be on another
            }
        } while (cursor.acceptSymbol(','));
        if (cursor.accept("CASCADE")) {
            for (String name : dropped) { // the views and triggers that call it go with it
                dropDependentViews(model, name);
                model.objects.values().removeIf(object -> object.kind().equals("trigger") && mentions(object, name));
            }
        }
    }

    /** {@code ALTER FUNCTION f(int) RENAME TO g}; its other forms change nothing the model keeps. */
    private void renameRoutine(SchemaModel model, TokenCursor cursor, String kind, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        if (name == null) {
            return;
        }
        boolean withArguments = cursor.isSymbol('(');
        String arguments = withArguments ? signature(cursor.parenthesized()) : signature(List.of());
        String keyText = routineKey(model, kind, name, arguments, withArguments);
        if (!cursor.accept("RENAME", "TO")) {
            return;
        }
        SchemaObject routine = model.objects.remove(keyText);
        if (routine == null) {
            unknown(problems, !ifExists, at, keyText);
            return;
        }
        String signature = renamedKey(name, cursor.name()) + (keyText.indexOf('(') < 0 ? ""
                : keyText.substring(keyText.indexOf('(')));
        model.objects.put(kind + " " + signature, new SchemaObject(kind, signature, null, routine.definition()));
        SchemaObject comment = commentsOn(model, keyText).stream().findFirst().orElse(null);
        if (comment != null) { // a comment is on the routine, not on its name
            model.objects.remove("comment " + comment.key());
            String onKey = "on " + kind + " " + signature;
            model.objects.put("comment " + onKey, new SchemaObject("comment", onKey, null, comment.definition()));
        }
    }

    /**
     * The key of the routine {@code name} with {@code arguments}; on PostgreSQL a name written without arguments
     * means its one overload, if it has only one.
     */
    private String routineKey(SchemaModel model, String kind, String name, String arguments, boolean withArguments) {
        String keyText = kind + " " + name + arguments;
        if (!withArguments && dialect == Dialect.POSTGRESQL) {
            String prefix = kind + " " + name + "(";
            List<String> matches = model.objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            keyText = matches.size() == 1 ? matches.get(0) : keyText;
        }
        return keyText;
    }

    /**
     * {@code CREATE OPERATOR CLASS c ... USING m [FAMILY f] AS ...}: without FAMILY, PostgreSQL makes a family named
     * as the class, which DROP OPERATOR CLASS leaves behind (only DROP OPERATOR FAMILY takes it).
     */
    private void operatorClass(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        List<SqlToken> rest = cursor.ahead();
        String name = key(new TokenCursor(rest).name());
        simpleObject(model, cursor, "operator class", problems);
        if (name != null && rest.stream().noneMatch(token -> token.isWord("FAMILY"))) {
            model.objects.putIfAbsent("operator family " + name, new SchemaObject("operator family", name, null, ""));
        }
    }

    private void simpleObject(SchemaModel model, TokenCursor cursor, String kind, List<ReplayProblem> problems) {
        boolean ifNotExists = cursor.acceptIfNotExists();
        SqlToken at = cursor.peek();
        String name = kind.equals("schema") || kind.equals("extension") ? cursor.name() : key(cursor.name());
        if (name == null) {
            return;
        }
        String keyText = kind + " " + name;
        if (model.objects.containsKey(keyText)) {
            duplicate(problems, !ifNotExists, at, keyText);
            return;
        }
        String owner = null;
        List<SqlToken> rest = cursor.rest();
        if (kind.equals("sequence")) {
            owner = ownedBy(rest);
            if (dialect == Dialect.POSTGRESQL) {
                refusedDeclaration(problems, at, keyText, SequenceOptions.refusal(rest));
            }
        }
        String definition = kind.equals("extension") ? ""
                : kind.equals("sequence") && dialect == Dialect.POSTGRESQL ? SequenceOptions.canonical(rest)
                : TokenCursor.normalized(rest);
        model.objects.put(keyText, new SchemaObject(kind, name, owner, definition));
    }

    private String ownedBy(List<SqlToken> rest) {
        OwnedBy owner = ownedByClause(rest);
        return owner == null ? null : owner.table();
    }

    /** A sequence's {@code OWNED BY t.c}: the table (as a key), the column and where it is written. */
    private record OwnedBy(String table, String column, SqlToken at) {
    }

    private OwnedBy ownedByClause(List<SqlToken> rest) {
        for (int i = 0; i + 2 < rest.size(); i++) {
            if (rest.get(i).isWord("OWNED") && rest.get(i + 1).isWord("BY")) {
                TokenCursor cursor = new TokenCursor(rest, i + 2);
                String column = cursor.name();
                int dot = column == null ? -1 : column.lastIndexOf('.');
                return dot > 0 ? new OwnedBy(key(column.substring(0, dot)), column.substring(dot + 1),
                        cursor.current()) : null;
            }
        }
        return null;
    }

    private void alterType(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        SqlToken at = cursor.peek();
        String name = key(cursor.name());
        SchemaObject type = model.objects.get("type " + name);
        if (type == null) {
            unknown(problems, true, at, "type " + name);
            return;
        }
        if (cursor.accept("RENAME", "TO")) {
            String newName = renamedKey(name, cursor.name());
            model.objects.remove("type " + name);
            model.objects.put("type " + newName, new SchemaObject("type", newName, null, type.definition()));
            retypeColumns(model, name, newName);
            return;
        }
        List<SqlToken> action = cursor.rest();
        if (TypeDefinition.enumLabelProblem(type.definition(), action, name, problems)) {
            return; // PostgreSQL refuses the statement
        }
        String altered = TypeDefinition.altered(type.definition(), action);
        model.objects.put("type " + name, new SchemaObject("type", name, null,
                altered != null ? altered : type.definition() + "; " + TokenCursor.normalized(action)));
    }

    private void renameObject(SchemaModel model, TokenCursor cursor, String kind, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        SqlToken at = cursor.peek();
        String name = kind.equals("schema") ? cursor.name() : key(cursor.name());
        SchemaObject object = model.objects.get(kind + " " + name);
        if (object == null) {
            unknown(problems, !ifExists, at, kind + " " + name);
            return;
        }
        if (cursor.accept("RENAME", "TO")) {
            moveObject(model, object, kind.equals("schema") ? cursor.name() : renamedKey(name, cursor.name()));
        } else if (!kind.equals("schema") && cursor.accept("SET", "SCHEMA")) {
            String schema = cursor.name();
            if (schema != null) {
                moveObject(model, object, key(schema + "." + TableStatements.bareName(name)));
            }
        } else if (kind.equals("sequence")) {
            List<SqlToken> options = cursor.rest();
            String owner = ownedBy(options);
            String definition = object.definition();
            if (dialect == Dialect.POSTGRESQL) {
                ownerColumnMissing(model, options, problems);
                definition = alteredSequence(object, options, at, problems);
            }
            model.objects.put(kind + " " + name, new SchemaObject(kind, name, owner == null ? object.table() : owner,
                    definition));
        }
    }

    /**
     * The options of a sequence CREATE SEQUENCE made, with an ALTER SEQUENCE's over them, as PostgreSQL checks and
     * keeps them; the sequence as it was when PostgreSQL refuses them. A serial or identity column's sequence is not
     * judged: its type is the column's, which its definition does not keep.
     */
    private String alteredSequence(SchemaObject sequence, List<SqlToken> options, SqlToken at,
                                   List<ReplayProblem> problems) {
        if (sequence.definition().startsWith("owned by ")) {
            return sequence.definition();
        }
        // a new AS type moves bounds that were its old type's own, which the kept options do not say
        List<SqlToken> merged = options.stream().anyMatch(token -> token.isWord("AS")) ? null
                : SequenceOptions.altered(sequence.definition(), options);
        if (merged == null) {
            return sequence.definition();
        }
        String refusal = SequenceOptions.refusal(merged);
        if (refusal != null) {
            refusedDeclaration(problems, at, "sequence " + sequence.key(), refusal);
            return sequence.definition();
        }
        return SequenceOptions.canonical(merged);
    }

    /** {@code OWNED BY t.c} of a column the table, whose every column is known, lacks. */
    private void ownerColumnMissing(SchemaModel model, List<SqlToken> options, List<ReplayProblem> problems) {
        OwnedBy owner = ownedByClause(options);
        Table table = owner == null ? null : model.table(owner.table());
        if (table != null && table.columnsKnown() && !table.columns().containsKey(owner.column())) {
            unknown(problems, true, owner.at(), "column " + owner.column() + " of table " + table.name());
        }
    }

    /**
     * An object under a new name or in another schema: what belongs to it follows, as PostgreSQL keeps it by
     * identity (the comment on it; a domain's columns; a view's triggers and a materialized view's indexes).
     */
    private void moveObject(SchemaModel model, SchemaObject object, String newName) {
        String kind = object.kind();
        String name = object.key();
        model.objects.remove(kind + " " + name);
        model.objects.put(kind + " " + newName, object.renamed(newName));
        for (SchemaObject comment : commentsOn(model, kind + " " + name)) {
            model.objects.remove("comment " + comment.key());
            String keyText = "on " + kind + " " + newName;
            model.objects.put("comment " + keyText, new SchemaObject("comment", keyText, comment.table(),
                    comment.definition()));
        }
        if (kind.equals("domain")) {
            retypeColumns(model, name, newName);
        }
        if (kind.endsWith("view")) {
            model.indexes.replaceAll((key, index) -> index.table().equals(name)
                    ? index.onTable(newName, index.columns()) : index);
            tables.objectsFollow(model, name, newName);
        }
    }

    private void dropObjects(SchemaModel model, TokenCursor cursor, String kind, List<ReplayProblem> problems) {
        boolean ifExists = cursor.acceptIfExists();
        List<String> names = new ArrayList<>();
        List<SqlToken> ats = new ArrayList<>();
        do {
            ats.add(cursor.peek());
            String name = kind.equals("schema") || kind.equals("extension") ? cursor.name() : key(cursor.name());
            if (name == null) {
                return;
            }
            names.add(name);
        } while (cursor.acceptSymbol(','));
        boolean cascade = cursor.accept("CASCADE");
        if (!cascade && dialect == Dialect.POSTGRESQL && (kind.equals("type") || kind.equals("domain"))) {
            for (int i = 0; i < names.size(); i++) {
                if (columnOfType(model, names.get(i), kind, ats.get(i), problems)
                        || routineOfType(model, names.get(i), kind, ats.get(i), problems)) {
                    return; // PostgreSQL refuses the whole statement
                }
            }
        }
        if (!cascade && dialect == Dialect.POSTGRESQL && (kind.equals("sequence") || kind.equals("schema")
                || kind.endsWith("view"))) {
            for (int i = 0; i < names.size(); i++) {
                Dependent user = kind.equals("sequence") ? defaultCalling(model, names.get(i))
                        : kind.equals("schema") ? firstIn(model, names.get(i)) : viewSelectingFrom(model, names);
                if (user != null) {
                    dependent(problems, ats.get(i), kind + " " + names.get(i), user.what(), user.relation());
                    return; // PostgreSQL refuses the whole statement
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (model.objects.remove(kind + " " + name) == null) {
                unknown(problems, !ifExists, ats.get(i), kind + " " + name);
                continue;
            }
            dropCommentsOn(model, kind, name);
            if (kind.endsWith("view")) { // its triggers and the comments on them go with it, as a table's do
                model.objectsOf(name).forEach(model.objects::remove);
            }
            if (kind.equals("materialized view")) {
                model.indexes.values().removeIf(index -> index.table().equals(name));
            }
            if (kind.equals("schema") && cascade) {
                String prefix = name + ".";
                model.tables.keySet().removeIf(table -> table.startsWith(prefix));
                model.indexes.values().removeIf(index -> index.table().startsWith(prefix));
                model.objects.values().removeIf(object -> object.key().startsWith(prefix));
            }
            if (cascade && (kind.endsWith("view") || kind.equals("type") || kind.equals("domain"))) {
                dropDependentViews(model, name);
            }
            if (cascade && (kind.equals("type") || kind.equals("domain"))) {
                dropColumnsOfType(model, name);
            }
        }
    }

    /** The objects a comment names as {@code name ON table}. */
    private static final Set<String> ON_TABLE = Set.of("constraint", "trigger", "policy", "rule");

    private void comment(SchemaModel model, TokenCursor cursor, List<ReplayProblem> problems) {
        if (!cursor.accept("ON") || dialect == Dialect.POSTGRESQL && unknownCommentTarget(model, cursor.ahead(), problems)) {
            return;
        }
        StringBuilder target = new StringBuilder();
        String table = null;
        String kind = cursor.atEnd() ? "" : cursor.peek().text().toLowerCase(Locale.ROOT);
        while (!cursor.atEnd() && !cursor.isWord("IS")) {
            SqlToken token = cursor.next();
            if (token.isWord("INDEX") && target.isEmpty()) {
                // an index's comment goes with it, and with its table (a key's index is named as the key)
                String name = key(cursor.name());
                Index index = name == null ? null : model.indexes.get(name);
                Table owner = index != null || name == null ? null : TableStatements.constraintIndexOwner(model, name);
                table = index != null ? index.table() : owner != null ? owner.name() : null;
                target.append("index ").append(name).append(' ');
            } else if (token.isWord("ON") && !target.isEmpty() && ON_TABLE.contains(kind) && !cursor.isWord("DOMAIN")) {
                // COMMENT ON TRIGGER t ON orders: the comment goes with the trigger, and with the table
                table = key(cursor.name());
                target.append("on ").append(table).append(' ');
            } else if (token.isWord("TABLE") || token.isWord("COLUMN")) {
                SqlToken at = cursor.peek();
                String name = cursor.name();
                if (name != null && token.isWord("COLUMN") && name.contains(".")) {
                    table = key(name.substring(0, name.lastIndexOf('.')));
                    String column = name.substring(name.lastIndexOf('.') + 1);
                    Table known = model.table(table);
                    if (known != null && known.columnsKnown() && !known.hasColumn(column)) {
                        unknown(problems, true, at, "column " + column + " of table " + table);
                        return;
                    }
                    name = table + name.substring(name.lastIndexOf('.'));
                } else if (name != null) {
                    table = key(name);
                    name = table;
                    if (kind.equals("table") && !model.hasRelation(table) && !model.inUnmadeSchema(table)) {
                        unknown(problems, true, at, "table " + table);
                        return;
                    }
                }
                target.append(token.text().toLowerCase(Locale.ROOT)).append(' ').append(name);
            } else {
                target.append(TokenCursor.normalized(List.of(token))).append(' ');
            }
        }
        cursor.accept("IS");
        String keyText = "on " + target.toString().trim();
        SqlToken text = cursor.next();
        if (text == null || text.isWord("NULL") || text.text().equals("''")) {
            model.objects.remove("comment " + keyText);
        } else {
            model.objects.put("comment " + keyText, new SchemaObject("comment", keyText, table, text.text()));
        }
    }

    /**
     * PostgreSQL's {@code COMMENT ON INDEX | VIEW | MATERIALIZED VIEW | CONSTRAINT c ON t | FUNCTION | PROCEDURE} of
     * an object nothing made, which it refuses; reports it. Not a name of a schema no migration made, nor one of
     * PostgreSQL's own functions, nor a routine once an extension is created (its functions are not in the model).
     */
    private boolean unknownCommentTarget(SchemaModel model, List<SqlToken> tokens, List<ReplayProblem> problems) {
        TokenCursor cursor = new TokenCursor(tokens);
        String kind = cursor.accept("INDEX") ? "index" : cursor.accept("VIEW") ? "view"
                : cursor.accept("MATERIALIZED", "VIEW") ? "materialized view" : cursor.accept("CONSTRAINT") ? "constraint"
                : cursor.accept("FUNCTION") ? "function" : cursor.accept("PROCEDURE") ? "procedure" : null;
        SqlToken at = cursor.peek();
        String name = kind == null ? null : kind.equals("constraint") ? cursor.name() : key(cursor.name());
        if (name == null || !kind.equals("constraint") && (model.inUnmadeSchema(name) || name.startsWith("pg_"))) {
            return false;
        }
        boolean known = switch (kind) {
            case "index" -> RelationUses.indexTable(model, name) != null;
            case "view", "materialized view" -> model.objects.containsKey(kind + " " + name);
            case "constraint" -> {
                String table = cursor.accept("ON") && !cursor.isWord("DOMAIN") ? key(cursor.name()) : null;
                Table owner = table == null ? null : model.table(table);
                yield owner == null || owner.constraints().containsKey(name);
            }
            default -> model.hasAny("extension") || model.hasRoutine(name, kind)
                    || PostgresFunctions.isBuiltIn(TableStatements.bareName(name));
        };
        if (!known) {
            unknown(problems, true, at, kind + " " + name);
        }
        return !known;
    }

    /**
     * Whether a column is of the type (or an array of it), which PostgreSQL will not drop without CASCADE; reports it.
     * Only a column whose type is written as the very key counts: a bare name of another schema's type is no proof.
     */
    private static boolean columnOfType(SchemaModel model, String type, String kind, SqlToken at,
                                        List<ReplayProblem> problems) {
        for (Table table : model.tables.values()) {
            for (Column column : table.columns().values()) {
                if (ofType(column, type)) {
                    dependent(problems, at, kind + " " + type, "column " + column.name() + " of table "
                            + table.name(), table.name());
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\s*\\(\\s*'([^']+)'");

    /** What depends on an object, as a message names it, and the relation it is or belongs to. */
    private record Dependent(String what, String relation) {
    }

    /** A column whose default draws from the sequence {@code name} ({@code nextval('s')}); null when none does. */
    private Dependent defaultCalling(SchemaModel model, String name) {
        for (Table table : model.tables.values()) {
            for (Column column : table.columns().values()) {
                Matcher nextval = column.defaultValue() == null ? null : NEXTVAL.matcher(column.defaultValue());
                while (nextval != null && nextval.find()) {
                    if (name.equals(key(nextval.group(1).toLowerCase(Locale.ROOT)))) {
                        return new Dependent("the default of column " + column.name() + " of table " + table.name(),
                                table.name());
                    }
                }
            }
        }
        return null;
    }

    /**
     * Another view whose query reads one of the views {@code names} right after FROM or JOIN (the dropped ones
     * aside); null when none does. Not judged: a view with a WITH (a common table expression may bear the name), a
     * FROM inside a function's parentheses ({@code extract(year FROM x)}), a view named after a comma.
     */
    private Dependent viewSelectingFrom(SchemaModel model, List<String> names) {
        for (SchemaObject object : model.objects.values()) {
            if (!object.kind().endsWith("view") || names.contains(object.key())) {
                continue;
            }
            List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, object.definition());
            if (tokens.stream().anyMatch(token -> token.isWord("WITH"))) {
                continue; // a common table expression may bear the name
            }
            Deque<Boolean> inCall = new ArrayDeque<>(); // extract(year FROM x) reads no relation
            for (int i = 0; i + 1 < tokens.size(); i++) {
                SqlToken token = tokens.get(i);
                if (token.isSymbol('(')) {
                    inCall.push(i > 0 && tokens.get(i - 1).type() == SqlToken.Type.WORD
                            && !tokens.get(i - 1).isWord("FROM") && !tokens.get(i - 1).isWord("JOIN")
                            && !tokens.get(i - 1).isWord("IN") && !tokens.get(i - 1).isWord("EXISTS"));
                } else if (token.isSymbol(')') && !inCall.isEmpty()) {
                    inCall.pop();
                }
                if (!token.isWord("FROM") && !token.isWord("JOIN") || !inCall.isEmpty() && inCall.peek()) {
                    continue;
                }
                String read = new TokenCursor(tokens, i + 1).name();
                if (read != null && names.contains(key(read))) {
                    return new Dependent(object.kind() + " " + object.key(), object.key());
                }
            }
        }
        return null;
    }

    private static final Set<String> IN_SCHEMA = Set.of("view", "materialized view", "sequence", "type", "domain",
            "function", "procedure", "aggregate");

    /** The first table, view, sequence, type or routine in the schema {@code name}; null when it holds none. */
    private static Dependent firstIn(SchemaModel model, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ".";
        return model.tables.keySet().stream().filter(table -> table.startsWith(prefix))
                .map(table -> new Dependent("table " + table, table)).findFirst()
                .orElseGet(() -> model.objects.values().stream()
                        .filter(object -> object.key().startsWith(prefix) && IN_SCHEMA.contains(object.kind()))
                        .map(object -> new Dependent(object.kind() + " " + object.key(), object.key()))
                        .findFirst().orElse(null));
    }

    /** DROP TYPE ... CASCADE drops every column of that type (or an array of it), and what depends on those. */
    private void dropColumnsOfType(SchemaModel model, String type) {
        for (Table table : List.copyOf(model.tables.values())) {
            for (Column column : List.copyOf(table.columns().values())) {
                if (ofType(column, type)) {
                    tables.dropColumn(model, table, column.name(), true);
                }
            }
        }
    }

    /**
     * A column holds its type by identity, not by name: renaming a type or domain renames it in every column of it
     * (or of an array of it), as PostgreSQL's catalog shows after {@code ALTER TYPE ... RENAME TO}.
     */
    private void retypeColumns(SchemaModel model, String type, String newType) {
        String newBare = newType.substring(newType.lastIndexOf('.') + 1);
        for (Table table : List.copyOf(model.tables.values())) {
            for (Column column : List.copyOf(table.columns().values())) {
                if (ofType(column, type)) {
                    String base = column.type().replace("[]", "");
                    String arrays = column.type().substring(base.length());
                    String renamed = TypeName.normalize(dialect, base.indexOf('.') >= 0 ? newType : newBare) + arrays;
                    table.changeColumns().put(column.name(), new Column(column.name(), renamed, column.notNull(),
                            column.defaultValue()));
                }
            }
        }
    }

    /**
     * Whether the column is of the type keyed {@code type} or an array of it. Column types are kept lower case and
     * as written, so a schema-qualified key also matches its bare name, as {@code DROP TYPE} has always judged it.
     */
    private static boolean ofType(Column column, String type) {
        return namesType(column.type(), type);
    }

    /** Whether a type as written ({@code mood}, {@code mood[]}, {@code setof mood}) is the type, or an array of it. */
    private static boolean namesType(String written, String type) {
        String element = written.replaceFirst("^setof ", "").replace("[]", "");
        String bare = type.substring(type.lastIndexOf('.') + 1);
        return element.equalsIgnoreCase(type) || element.equalsIgnoreCase(bare);
    }

    /**
     * Whether a function, procedure or aggregate takes the type (or an array of it) or returns it, which PostgreSQL
     * will not drop without CASCADE; reports it.
     */
    private static boolean routineOfType(SchemaModel model, String type, String kind, SqlToken at,
                                         List<ReplayProblem> problems) {
        for (SchemaObject routine : model.objects.values()) {
            String signature = routine.key();
            int open = signature.indexOf('(');
            if (!ROUTINES.contains(routine.kind()) || open < 0 || !signature.endsWith(")")) {
                continue;
            }
            boolean takes = Arrays.stream(signature.substring(open + 1, signature.length() - 1).split(", "))
                    .anyMatch(argument -> namesType(argument, type));
            String result = RoutineDefinition.writtenResult(routine.definition());
            if (takes || result != null && namesType(result, type)) {
                refused(problems, at, kind + " " + type + " used by " + routine.kind() + " " + signature,
                        "cannot drop " + kind + " " + type + " because " + routine.kind() + " " + signature
                                + " depends on it; drop or change it first, or add CASCADE if it should go too");
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ROUTINES = Set.of("function", "procedure", "aggregate");

    /**
     * A comment goes with its object: {@code COMMENT ON FUNCTION f(int)} with {@code DROP FUNCTION f}, {@code COMMENT
     * ON TRIGGER t ON orders} with {@code DROP TRIGGER t ON orders} ({@code name} is then {@code t on orders}).
     */
    static void dropCommentsOn(SchemaModel model, String kind, String name) {
        commentsOn(model, kind + " " + name).forEach(comment -> model.objects.remove("comment " + comment.key()));
    }

    /** The comments on {@code target} ({@code function f(integer)}, or a routine's every overload by its name). */
    private static List<SchemaObject> commentsOn(SchemaModel model, String target) {
        String on = ("on " + target).replace(" ", ""); // written with the spaces of the tokens it was read from
        return model.objects.values().stream().filter(object -> object.kind().equals("comment")).filter(object -> {
            String key = object.key().replace(" ", "");
            return key.equals(on) || key.startsWith(on + "(");
        }).toList();
    }

    /** Whether an object's definition names {@code name} (its last part) as a whole word: what CASCADE reaches. */
    private static boolean mentions(SchemaObject object, String name) {
        return (" " + object.definition() + " ").matches("(?s).*[^a-z0-9_]"
                + java.util.regex.Pattern.quote(TableStatements.bareName(name)) + "[^a-z0-9_].*");
    }

    /** Views (plain and materialized) whose definition mentions {@code name}, dropped by CASCADE. */
    void dropDependentViews(SchemaModel model, String name) {
        Predicate<SchemaObject> mentions = object -> object.kind().endsWith("view") && mentions(object, name);
        List<String> dropped = model.objects.values().stream().filter(mentions).map(SchemaObject::key).toList();
        model.objects.values().removeIf(mentions);
        dropped.forEach(view -> model.objectsOf(view).forEach(model.objects::remove));
        model.indexes.values().removeIf(index -> dropped.contains(index.table())); // a materialized view's indexes
    }

    /**
     * The engine's own tables, which no migration creates: SQLite's {@code sqlite_sequence} (made by the first
     * AUTOINCREMENT table), {@code sqlite_master}/{@code sqlite_schema} and the {@code sqlite_stat} tables;
     * PostgreSQL's catalogs.
     */
    public boolean isInternalTable(String name) {
        return switch (dialect) {
            case SQLITE, D1 -> name.startsWith("sqlite_");
            case POSTGRESQL -> name.startsWith("pg_catalog.") || name.startsWith("information_schema.")
                    || name.startsWith("pg_");
            default -> name.startsWith("information_schema.") || name.startsWith("mysql.");
        };
    }

    /**
     * A name as the model keys it: lower case, without the default schema; on PostgreSQL an unqualified name under a
     * search path the script set is qualified as PostgreSQL would resolve it.
     */
    public String key(String name) {
        if (name == null) {
            return null;
        }
        for (String schema : dialect == Dialect.POSTGRESQL ? List.of("public.") : List.of("main.")) {
            if (name.startsWith(schema)) {
                return name.substring(schema.length());
            }
        }
        return dialect == Dialect.POSTGRESQL && name.indexOf('.') < 0 ? searchPath.resolve(name, model) : name;
    }

    /**
     * The key of {@code newName} given by a RENAME TO of the object keyed {@code renamed}: on PostgreSQL the object
     * stays in its schema ({@code ALTER TABLE shop.users RENAME TO customers} makes {@code shop.customers}).
     */
    String renamedKey(String renamed, String newName) {
        if (newName == null || dialect != Dialect.POSTGRESQL || newName.indexOf('.') >= 0 || renamed == null) {
            return key(newName);
        }
        return TableStatements.schemaPrefix(renamed) + newName;
    }

    static void unknown(List<ReplayProblem> problems, boolean report, SqlToken at, String what) {
        if (report && at != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.UNKNOWN_OBJECT, at, what, what + " does not exist at this"
                    + " point of the migrations"));
        }
    }

    /**
     * PostgreSQL refuses to drop {@code what} without CASCADE because the foreign key {@code dependent} needs it.
     * The subject names both tables, so that an uncertain one (a CALL may have dropped the key) silences it.
     */
    static void dependent(List<ReplayProblem> problems, SqlToken at, String what, SchemaModel.Reference dependent) {
        dependent(problems, at, what, "foreign key " + dependent.constraint().name() + " of table "
                + dependent.table(), dependent.table());
    }

    /** PostgreSQL refuses to drop {@code what} without CASCADE because {@code dependent}, of {@code table}, needs it. */
    static void dependent(List<ReplayProblem> problems, SqlToken at, String what, String dependent, String table) {
        refused(problems, at, what + " on table " + table, "cannot drop " + what + " because " + dependent
                + " depends on it; drop or change it first, or add CASCADE if it should go too");
    }

    /** PostgreSQL refuses to drop the index of a primary key, unique or exclusion constraint with DROP INDEX. */
    static void constraintNeedsIndex(List<ReplayProblem> problems, SqlToken at, String index, String table) {
        String constraint = TableStatements.bareName(index);
        refused(problems, at, "index " + index + " on table " + table, "cannot drop index " + index + " because"
                + " constraint " + constraint + " on table " + table + " requires it; drop the constraint instead"
                + " (ALTER TABLE " + table + " DROP CONSTRAINT " + constraint + "), which drops its index");
    }

    /** MariaDB refuses to drop a column out of a key on several columns that stays. */
    static void keyOnSeveralColumns(List<ReplayProblem> problems, SqlToken at, String column, String table, String key) {
        refused(problems, at, column, "cannot drop " + column + " because key " + key + " of table " + table
                + " is on it and other columns (MariaDB: error 1072); drop the key in the same ALTER TABLE or before it");
    }

    /** MySQL and MariaDB refuse to drop the index a foreign key rests on. */
    static void indexNeededByKey(List<ReplayProblem> problems, SqlToken at, String index, String table, String key) {
        refused(problems, at, "index " + index + " of table " + table, "cannot drop index " + index + " of table " + table
                + " because foreign key " + key + " needs it; drop the key first (ALTER TABLE " + table
                + " DROP FOREIGN KEY " + key + "), in this statement or before it, or add another index that begins with"
                + " its columns");
    }

    /** MariaDB refuses to drop {@code column} while a foreign key (the table's own or another's) needs it. */
    static void keyNeedsColumn(List<ReplayProblem> problems, SqlToken at, String column, SchemaModel.Reference key) {
        refused(problems, at, column + " on table " + key.table(), "cannot drop " + column + " because foreign key "
                + key.constraint().name() + " of table " + key.table() + " needs it; drop the key first (ALTER TABLE "
                + key.table() + " DROP FOREIGN KEY " + key.constraint().name() + "), in this statement or before it");
    }

    /** PostgreSQL refuses to change the type of {@code column} while a generated column's expression uses it. */
    static void typeChangeUnderGeneratedColumn(List<ReplayProblem> problems, SqlToken at, String column,
                                               String generated) {
        refused(problems, at, column + " on generated column " + generated, "cannot alter type of a column used by a"
                + " generated column: " + column + " is used by " + generated + "; drop the generated column first and"
                + " add it again after the change");
    }

    /** PostgreSQL refuses to change the type of {@code column} while {@code view} uses it. */
    static void typeChangeUnderView(List<ReplayProblem> problems, SqlToken at, String column, String view) {
        refused(problems, at, column + " on " + view, "cannot change the type of " + column + " because " + view
                + " uses it; drop the view first and create it again after the change");
    }

    /** PostgreSQL refuses DROP NOT NULL on a column of the primary key. */
    static void notNullOfKey(List<ReplayProblem> problems, SqlToken at, String column, String key) {
        refused(problems, at, column, "cannot drop NOT NULL of " + column + " because primary key " + key
                + " needs it; drop the primary key first");
    }

    /** PostgreSQL has no cast of its own from the column's type to the new one, and no USING says how. */
    static void castRequired(List<ReplayProblem> problems, SqlToken at, String column, String from, String to) {
        if (at != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.TYPE_CHANGE_WITHOUT_USING, at, column,
                    column + " is " + from + " and PostgreSQL converts no " + from + " to " + to + " on its own"));
        }
    }

    /** The database cannot make a foreign key between the two columns {@code pair} describes. */
    static void keyTypesMismatch(List<ReplayProblem> problems, SqlToken at, String pair) {
        if (at != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.FOREIGN_KEY_TYPE_MISMATCH, at, pair,
                    "a foreign key cannot join " + pair + ": the database refuses a key between these two types"));
        }
    }

    /** The database refuses what the statement declares of {@code subject}, for what {@code message} says. */
    static void refusedDeclaration(List<ReplayProblem> problems, SqlToken at, String subject, String message) {
        if (at != null && message != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.REFUSED_DECLARATION, at, subject, message));
        }
    }

    private static void refused(List<ReplayProblem> problems, SqlToken at, String subject, String message) {
        if (at != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.DEPENDENT_OBJECTS, at, subject, message));
        }
    }

    static void duplicate(List<ReplayProblem> problems, boolean report, SqlToken at, String what) {
        if (report && at != null) {
            problems.add(new ReplayProblem(ReplayProblem.Kind.DUPLICATE_OBJECT, at, what, what + " already exists at this"
                    + " point of the migrations"));
        }
    }
}
