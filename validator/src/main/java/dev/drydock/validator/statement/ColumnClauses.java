package dev.drydock.validator.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clauses of one column that PostgreSQL refuses together, which its grammar accepts and its parse analysis then
 * refuses as a syntax error (SQLSTATE 42601): NULL with NOT NULL, two DEFAULTs, a DEFAULT or a second clause beside
 * an identity or a generation expression. Read from the parse tree of a CREATE TABLE or an ALTER TABLE ... ADD
 * COLUMN, which is read for this only when the words hint at it ({@link #mayConflict}).
 */
public final class ColumnClauses {

    /** What PostgreSQL says, and the clause it points at. */
    public record Conflict(SqlToken at, String message) {
    }

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Whether a column of the statement may have clauses PostgreSQL refuses together: two of DEFAULT,
     * {@code AS IDENTITY} and {@code GENERATED ... AS (}, or a bare NULL beside NOT NULL.
     */
    public static boolean mayConflict(String kind, List<SqlToken> tokens) {
        int elementDepth = kind.equals("CREATE TABLE") ? 1 : kind.equals("ALTER TABLE") ? 0 : -1;
        if (elementDepth < 0) {
            return false;
        }
        int depth = 0;
        int clauses = 0;
        boolean notNull = false;
        boolean bareNull = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (depth == elementDepth && token.isSymbol(',')) {
                if (clauses > 1 || notNull && bareNull) {
                    return true;
                }
                clauses = 0;
                notNull = false;
                bareNull = false;
            } else if (depth == elementDepth) {
                SqlToken previous = i > 0 ? tokens.get(i - 1) : null;
                SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                if (token.isWord("DEFAULT") || token.isWord("AS") && next != null
                        && (next.isWord("IDENTITY") || next.isSymbol('('))
                        && tokens.subList(0, i).stream().anyMatch(word -> word.isWord("GENERATED"))) {
                    clauses++;
                } else if (token.isWord("NULL") && previous != null) {
                    if (previous.isWord("NOT")) {
                        notNull = true;
                    } else if (!previous.isWord("DEFAULT") && !previous.isWord("IS")) {
                        bareNull = true;
                    }
                }
            }
            depth += token.nesting();
        }
        return clauses > 1 || notNull && bareNull;
    }

    /** The first conflict of the statement's columns, as PostgreSQL reports it; empty when there is none. */
    public Optional<Conflict> first(String tree, String text, int offset, List<SqlToken> tokens) {
        JsonNode stmt;
        try {
            stmt = json.readTree(tree).path("stmts").path(0).path("stmt");
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        List<JsonNode> columns = new ArrayList<>();
        stmt.path("CreateStmt").path("tableElts").forEach(element -> {
            if (element.has("ColumnDef")) {
                columns.add(element.get("ColumnDef"));
            }
        });
        stmt.path("AlterTableStmt").path("cmds").forEach(command -> {
            JsonNode definition = command.path("AlterTableCmd").path("def");
            if (command.path("AlterTableCmd").path("subtype").asText().equals("AT_AddColumn") && definition.has("ColumnDef")) {
                columns.add(definition.get("ColumnDef"));
            }
        });
        for (JsonNode column : columns) {
            Optional<Conflict> conflict = conflict(column, text, offset, tokens);
            if (conflict.isPresent()) {
                return conflict;
            }
        }
        return Optional.empty();
    }

    /** A column's clause as PostgreSQL's analysis counts it; the value clauses in the order its messages name them. */
    private enum Clause {
        NULL(null, null), NOT_NULL(null, null), DEFAULT("default", "multiple default values specified"),
        IDENTITY("identity", "multiple identity specifications"),
        GENERATED("generation expression", "multiple generation clauses specified");

        private final String word;
        private final String twice;

        Clause(String word, String twice) {
            this.word = word;
            this.twice = twice;
        }

        static Clause of(String contype) {
            return switch (contype) {
                case "CONSTR_NULL" -> NULL;
                case "CONSTR_NOTNULL" -> NOT_NULL;
                case "CONSTR_DEFAULT" -> DEFAULT;
                case "CONSTR_IDENTITY" -> IDENTITY;
                case "CONSTR_GENERATED" -> GENERATED;
                default -> null;
            };
        }

        /** What PostgreSQL says of this clause after {@code seen}, or null when it takes it. */
        String refusal(Set<Clause> seen) {
            if (word == null) {
                return seen.contains(this == NULL ? NOT_NULL : NULL) ? "conflicting NULL/NOT NULL declarations" : null;
            }
            if (seen.contains(this)) {
                return twice;
            }
            for (Clause other : List.of(DEFAULT, IDENTITY, GENERATED)) {
                if (other != this && seen.contains(other)) {
                    Clause first = other.ordinal() < ordinal() ? other : this;
                    Clause second = first == this ? other : this;
                    return "both " + first.word + " and " + second.word + " specified";
                }
            }
            return null;
        }
    }

    /** As PostgreSQL 15's transformColumnDefinition judges a column's clauses, in their order. */
    private static Optional<Conflict> conflict(JsonNode column, String text, int offset, List<SqlToken> tokens) {
        String name = column.path("colname").asText();
        Set<Clause> seen = EnumSet.noneOf(Clause.class);
        for (JsonNode node : column.path("constraints")) {
            JsonNode constraint = node.path("Constraint");
            Clause clause = Clause.of(constraint.path("contype").asText());
            String message = clause == null ? null : clause.refusal(seen);
            if (clause != null) {
                seen.add(clause);
            }
            if (message != null) {
                SqlToken at = new TreeLocations(text, offset, tokens).token(constraint.path("location").asInt(-1), null);
                return at == null ? Optional.empty() : Optional.of(new Conflict(at, message + " for column \"" + name
                        + "\" (PostgreSQL refuses the column's clauses together); keep one of them"));
            }
        }
        return Optional.empty();
    }
}
