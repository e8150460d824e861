package dev.drydock.validator.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statement model read from PostgreSQL's own parse tree: the JSON that libpg_query writes for a statement its
 * grammar accepts ({@code IndexStmt}, {@code DropStmt}, {@code AlterTableStmt} with its {@code AlterTableCmd}s).
 * What a rule sees is then what PostgreSQL parsed, not a reading of words: a {@code NOT VALID} on one constraint
 * says nothing of the next, a {@code DEFAULT} inside a CHECK fills no column. The tree has no position for an
 * ALTER TABLE action, so each action is matched with the comma-separated action at the same place in the tokens;
 * a tree that does not fit its tokens, or a node of another kind, is read from the tokens instead. Table and
 * index names are taken as written, as the schema model keys them: the tree holds them cut to 63 bytes.
 */
public final class PostgresStatements {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The statements read from the tree: ALTER TABLE, whose actions words misread, and the statements with an
     * expression whose column references and function calls only the grammar tells from type names and keywords:
     * a CREATE TABLE with a CHECK, a generated column or a default calling a function PostgreSQL does not have, a
     * CREATE INDEX on an expression or with a WHERE, a trigger with a WHEN or an UPDATE OF, a policy, a data
     * statement with a word close to one of PostgreSQL's functions. Other indexes and drops the tokens read as well
     * (their flags stand in one place), so their trees are not worth copying out and parsing.
     */
    public static boolean readsTree(String kind, List<SqlToken> tokens) {
        return switch (kind) {
            case "ALTER TABLE" -> true;
            case "CREATE TABLE" -> tokens.stream().anyMatch(token -> token.isWord("CHECK") || token.isWord("GENERATED"))
                    || defaultCallsUnknownFunction(tokens);
            case "CREATE INDEX", "CREATE UNIQUE INDEX" -> tokens.stream().anyMatch(token -> token.isWord("WHERE"))
                    || tokens.stream().filter(token -> token.isSymbol('(')).count() > 1;
            case "INSERT", "UPDATE", "DELETE" -> callsMisspeltFunction(tokens);
            case "CREATE TRIGGER" -> tokens.stream().anyMatch(token -> token.isWord("WHEN") || token.isWord("OF"));
            case "CREATE POLICY" -> true;
            default -> false;
        };
    }

    /** Whether a word before a parenthesis may be a misspelt call of one of PostgreSQL's own functions. */
    private static boolean callsMisspeltFunction(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).type() == SqlToken.Type.WORD && tokens.get(i + 1).isSymbol('(')) {
                String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
                if (!PostgresFunctions.isBuiltIn(word) && PostgresFunctions.closestBuiltIn(word) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a {@code DEFAULT f(...)} calls a function that is not one of PostgreSQL's own. */
    private static boolean defaultCallsUnknownFunction(List<SqlToken> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DEFAULT") && tokens.get(i + 1).type() == SqlToken.Type.WORD
                    && tokens.get(i + 2).isSymbol('(')
                    && !PostgresFunctions.isBuiltIn(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param tree   libpg_query's JSON for {@code text}
     * @param text   the statement's text as parsed
     * @param offset where {@code text} starts in the file (the tokens' offsets count from the file's start)
     */
    public Statement read(String tree, String text, int offset, List<SqlToken> tokens, String kind,
                          List<String> objects) {
        JsonNode stmt;
        try {
            stmt = json.readTree(tree).path("stmts").path(0).path("stmt");
        } catch (JsonProcessingException e) {
            return TokenStatements.read(tokens, kind, objects);
        }
        Statement written = TokenStatements.read(tokens, kind, objects);
        Statement read = null;
        if (stmt.has("IndexStmt") && written instanceof CreateIndex index) {
            JsonNode node = stmt.get("IndexStmt");
            TreeLocations locations = new TreeLocations(text, offset, tokens);
            List<ColumnReference> named = new ArrayList<>();
            for (JsonNode parameter : node.path("indexParams")) {
                columnReferences(parameter.path("IndexElem").path("expr"), "the index's expression", locations,
                        index.at(), named);
            }
            columnReferences(node.path("whereClause"), "the index's WHERE", locations, index.at(), named);
            read = new CreateIndex(index.at(), index.name(), index.table(), node.path("unique").asBoolean(),
                    node.path("concurrent").asBoolean(), named, calls(node, locations, index.at()));
        } else if (stmt.has("DropStmt") && written instanceof DropObjects drop) {
            JsonNode node = stmt.get("DropStmt");
            read = new DropObjects(drop.at(), drop.type(), drop.names(), node.path("concurrent").asBoolean(),
                    node.path("missing_ok").asBoolean(), "DROP_CASCADE".equals(node.path("behavior").asText()));
        } else if (stmt.has("AlterTableStmt") && written instanceof AlterTable alter) {
            read = alterTable(stmt.get("AlterTableStmt"), alter, new TreeLocations(text, offset, tokens), tokens);
        } else if (stmt.has("CreateTrigStmt")) {
            read = trigger(stmt.get("CreateTrigStmt"), written.at(), new TreeLocations(text, offset, tokens), tokens);
        } else if (stmt.has("CreatePolicyStmt")) {
            read = policy(stmt.get("CreatePolicyStmt"), written.at(), new TreeLocations(text, offset, tokens));
        } else if (stmt.has("InsertStmt") || stmt.has("UpdateStmt") || stmt.has("DeleteStmt")) {
            read = new DataStatement(written.at(), calls(stmt, new TreeLocations(text, offset, tokens), written.at()));
        } else if (stmt.has("CreateStmt") && written instanceof CreateTable create) {
            read = createTable(stmt.get("CreateStmt"), create, new TreeLocations(text, offset, tokens));
        }
        return read != null ? read : written;
    }

    /** The columns its CHECKs and generated columns name; none when the table has columns it does not declare. */
    private static Statement createTable(JsonNode tree, CreateTable written, TreeLocations locations) {
        if (tree.path("inhRelations").size() > 0 || tree.has("partbound") || tree.has("ofTypename")) {
            return written;
        }
        List<ColumnReference> checked = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (JsonNode element : tree.path("tableElts")) {
            if (element.has("TableLikeClause")) {
                return written;
            }
            if (element.has("ColumnDef")) {
                declared.add(element.path("ColumnDef").path("colname").asText());
            }
            List<JsonNode> constraints = new ArrayList<>();
            if (element.has("ColumnDef")) {
                element.path("ColumnDef").path("constraints").forEach(constraints::add);
            } else if (element.has("Constraint")) {
                constraints.add(element);
            }
            for (JsonNode node : constraints) {
                expressionColumns(node.path("Constraint"), locations, written.at(), checked);
            }
        }
        if (!declared.equals(written.columns().stream().map(ColumnSpec::name).toList())) {
            return written; // the tokens read the columns otherwise: the CHECKs are not judged against them
        }
        return new CreateTable(written.at(), written.table(), written.columns(), checked,
                calls(tree, locations, written.at()));
    }

    private static Statement alterTable(JsonNode tree, AlterTable written, TreeLocations locations, List<SqlToken> tokens) {
        JsonNode commands = tree.path("cmds");
        List<List<SqlToken>> actions = AlterTableActions.of(tokens);
        if (commands.size() != actions.size()) {
            return null;
        }
        List<AlterAction> read = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            read.add(action(commands.get(i).path("AlterTableCmd"), written.actions().get(i), locations));
        }
        return new AlterTable(written.at(), written.table(), read, calls(tree, locations, written.at()));
    }

    /**
     * The tree's reading of an action; names and types come from {@code written}, the same action read from its
     * tokens, when it is of the same kind (the tree spells types its own way: {@code pg_catalog.int4}).
     */
    private static AlterAction action(JsonNode command, AlterAction written, TreeLocations locations) {
        SqlToken at = written.at();
        String column = command.path("name").asText();
        return switch (command.path("subtype").asText()) {
            case "AT_AddColumn" -> addColumn(command.path("def").path("ColumnDef"), written, locations);
            case "AT_AddConstraint" -> addConstraint(command.path("def").path("Constraint"), at, locations);
            case "AT_SetNotNull" -> new AlterColumn(at, column, AlterColumn.Change.SET_NOT_NULL, null, null);
            case "AT_DropNotNull" -> new AlterColumn(at, column, AlterColumn.Change.DROP_NOT_NULL, null, null);
            case "AT_ColumnDefault" -> new AlterColumn(at, column, command.has("def")
                    ? AlterColumn.Change.SET_DEFAULT : AlterColumn.Change.DROP_DEFAULT, null, null);
            case "AT_AlterColumnType" -> {
                List<ColumnReference> using = new ArrayList<>();
                columnReferences(command.path("def").path("ColumnDef").path("raw_default"), "the USING", locations,
                        at, using);
                yield written instanceof AlterColumn change
                        ? new AlterColumn(at, column, AlterColumn.Change.TYPE, change.type(), change.typeAt(), using)
                        : new AlterColumn(at, column, AlterColumn.Change.TYPE, null, null, using);
            }
            case "AT_DropColumn" -> new DropColumn(at, column, command.path("missing_ok").asBoolean(),
                    "DROP_CASCADE".equals(command.path("behavior").asText()));
            default -> new OtherAction(at);
        };
    }

    private static AlterAction addColumn(JsonNode definition, AlterAction written, TreeLocations locations) {
        SqlToken at = written.at();
        boolean notNull = false;
        boolean filled = isSerial(definition.path("typeName"));
        boolean references = false;
        SqlToken key = null;
        for (JsonNode node : definition.path("constraints")) {
            JsonNode constraint = node.path("Constraint");
            switch (constraint.path("contype").asText()) {
                case "CONSTR_NOTNULL" -> notNull = true;
                case "CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED" -> filled = true;
                case "CONSTR_FOREIGN" -> references = true;
                case "CONSTR_PRIMARY", "CONSTR_UNIQUE" -> {
                    notNull |= constraint.path("contype").asText().equals("CONSTR_PRIMARY");
                    if (key == null) {
                        key = locations.token(constraint.path("location").asInt(-1), at);
                    }
                }
                default -> {
                }
            }
        }
        List<ColumnReference> named = new ArrayList<>();
        for (JsonNode node : definition.path("constraints")) {
            expressionColumns(node.path("Constraint"), locations, at, named);
        }
        String name = definition.path("colname").asText();
        if (!(written instanceof AddColumn words)) {
            return new AddColumn(at, new ColumnSpec(at, name, null, null, notNull, filled, key, references), named);
        }
        ColumnSpec spelled = words.column();
        return new AddColumn(at, new ColumnSpec(spelled.at(), name, spelled.type(), spelled.typeAt(), notNull, filled,
                key, references), named);
    }

    /** serial, bigserial and smallserial (and their serial2/4/8 spellings) are filled from a sequence. */
    private static boolean isSerial(JsonNode typeName) {
        JsonNode names = typeName.path("names");
        String last = names.path(names.size() - 1).path("String").path("sval").asText();
        return last.matches("(small|big)?serial[248]?");
    }

    private static AlterAction addConstraint(JsonNode constraint, SqlToken at, TreeLocations locations) {
        AddConstraint.Kind kind = switch (constraint.path("contype").asText()) {
            case "CONSTR_PRIMARY" -> AddConstraint.Kind.PRIMARY_KEY;
            case "CONSTR_UNIQUE" -> AddConstraint.Kind.UNIQUE;
            case "CONSTR_CHECK" -> AddConstraint.Kind.CHECK;
            case "CONSTR_FOREIGN" -> AddConstraint.Kind.FOREIGN_KEY;
            case "CONSTR_EXCLUSION" -> AddConstraint.Kind.EXCLUDE;
            default -> null;
        };
        if (kind == null) {
            return new OtherAction(at);
        }
        String name = constraint.has("conname") ? constraint.get("conname").asText() : null;
        List<ColumnReference> checked = new ArrayList<>();
        expressionColumns(constraint, locations, at, checked);
        return new AddConstraint(at, name, kind, constraint.path("skip_validation").asBoolean(),
                constraint.has("indexname"), checked);
    }

    /** A trigger's table, and the columns its {@code UPDATE OF} list and its {@code WHEN} name. */
    private static Statement trigger(JsonNode tree, SqlToken at, TreeLocations locations, List<SqlToken> tokens) {
        List<ColumnReference> columns = new ArrayList<>();
        int of = -1;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("UPDATE") && tokens.get(i + 1).isWord("OF")) {
                of = i + 2;
                break;
            }
        }
        for (JsonNode column : tree.path("columns")) {
            String name = column.path("String").path("sval").asText(null);
            SqlToken written = of < 0 ? null : tokens.subList(of, tokens.size()).stream()
                    .filter(token -> token.unquoted().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (name != null && written != null) {
                columns.add(new ColumnReference(written, name, "the trigger's UPDATE OF"));
            }
        }
        columnReferences(tree.path("whenClause"), "the trigger's WHEN", locations, at, columns);
        return new CreateTrigger(at, relation(tree.path("relation")), columns);
    }

    /** A policy's table, and the columns its USING and WITH CHECK name when neither holds a subquery. */
    private static Statement policy(JsonNode tree, SqlToken at, TreeLocations locations) {
        List<ColumnReference> columns = new ArrayList<>();
        if (!tree.path("qual").toString().contains("\"SubLink\"")
                && !tree.path("with_check").toString().contains("\"SubLink\"")) {
            columnReferences(tree.path("qual"), "the policy's USING", locations, at, columns);
            columnReferences(tree.path("with_check"), "the policy's WITH CHECK", locations, at, columns);
        }
        return new CreatePolicy(at, relation(tree.path("table")), columns);
    }

    /** A RangeVar's name as written: {@code schema.table}, or {@code table}. */
    private static String relation(JsonNode rangeVar) {
        String table = rangeVar.path("relname").asText();
        return rangeVar.has("schemaname") ? rangeVar.get("schemaname").asText() + "." + table : table;
    }

    /** The functions {@code node} calls, at any depth: its {@code FuncCall}s, each at the token its location points to. */
    private static List<FunctionCall> calls(JsonNode node, TreeLocations locations, SqlToken otherwise) {
        List<FunctionCall> calls = new ArrayList<>();
        collectCalls(node, locations, otherwise, calls);
        return calls;
    }

    private static void collectCalls(JsonNode node, TreeLocations locations, SqlToken otherwise, List<FunctionCall> into) {
        if (node.has("FuncCall")) {
            JsonNode call = node.get("FuncCall");
            JsonNode names = call.path("funcname");
            String name = names.path(names.size() - 1).path("String").path("sval").asText(null);
            if (name != null) {
                String schema = names.size() > 1 ? names.path(names.size() - 2).path("String").path("sval").asText(null)
                        : null;
                SqlToken at = locations.token(call.path("location").asInt(-1), otherwise);
                into.add(new FunctionCall(locations.lastPartOf(at), schema, name));
            }
        }
        node.elements().forEachRemaining(child -> collectCalls(child, locations, otherwise, into));
    }

    /** The columns a CHECK constraint or a generated column's expression names. */
    private static void expressionColumns(JsonNode constraint, TreeLocations locations, SqlToken otherwise,
                                          List<ColumnReference> into) {
        switch (constraint.path("contype").asText()) {
            case "CONSTR_CHECK" -> columnReferences(constraint.path("raw_expr"), "the CHECK", locations, otherwise, into);
            case "CONSTR_GENERATED" -> columnReferences(constraint.path("raw_expr"), "the generated column's expression",
                    locations, otherwise, into);
            default -> {
            }
        }
    }

    /**
     * The columns an expression names: its {@code ColumnRef}s, each by its last part ({@code t.a} is {@code a}), at
     * the token its location points to. A whole-row {@code t.*} names none.
     */
    private static void columnReferences(JsonNode expression, String namedBy, TreeLocations locations, SqlToken otherwise,
                                         List<ColumnReference> into) {
        if (expression.has("ColumnRef")) {
            JsonNode reference = expression.get("ColumnRef");
            JsonNode fields = reference.path("fields");
            String name = fields.path(fields.size() - 1).path("String").path("sval").asText(null);
            if (name != null) {
                SqlToken at = locations.token(reference.path("location").asInt(-1), otherwise);
                into.add(new ColumnReference(locations.lastPartOf(at), name, namedBy));
            }
            return;
        }
        expression.elements().forEachRemaining(child -> columnReferences(child, namedBy, locations, otherwise, into));
    }
}
