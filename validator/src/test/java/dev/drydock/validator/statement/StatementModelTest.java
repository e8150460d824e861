package dev.drydock.validator.statement;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SourceFile;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.parse.StatementParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statement model, read from PostgreSQL's parse tree (libpg_query, which the build installs) and from tokens:
 * both must say the same of an ALTER TABLE; indexes and drops are read from tokens on every dialect.
 */
class StatementModelTest {

    private static final String ALTER = "ALTER TABLE ONLY shop.users"
            + " ADD COLUMN score int NOT NULL CHECK (score > CAST('0' AS int)),"
            + " ADD COLUMN code text UNIQUE DEFAULT 'x',"
            + " ADD COLUMN id2 bigserial,"
            + " ADD COLUMN team_id int REFERENCES teams,"
            + " ADD CONSTRAINT users_age_check CHECK (age > 0) NOT VALID,"
            + " ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id),"
            + " ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx,"
            + " ADD UNIQUE (email),"
            + " ALTER COLUMN email SET NOT NULL,"
            + " ALTER name DROP DEFAULT,"
            + " ALTER COLUMN age SET DATA TYPE bigint,"
            + " DROP COLUMN IF EXISTS legacy CASCADE,"
            + " DROP CONSTRAINT users_old_check";

    private static Statement fromTree(String sql) {
        Script script = Script.wholeFile(SourceFile.ofText(Path.of("V1__x.sql"), "V1__x.sql", sql + ";"));
        try (StatementParser parser = new StatementParser(DialectTarget.latest(Dialect.POSTGRESQL))) {
            ParsedStatement statement = parser.parse(script).statements().get(0);
            assertTrue(statement.problem().isEmpty(), "PostgreSQL's grammar accepts " + sql);
            return statement.typed();
        }
    }

    private static Statement fromTokens(String sql, String kind, List<String> objects) {
        List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, sql).stream().filter(t -> !t.isComment()).toList();
        return TokenStatements.read(tokens, kind, objects);
    }

    @Test
    void alterTableActionsFromTheTreeAndFromTheTokens() {
        for (Statement read : List.of(fromTree(ALTER), fromTokens(ALTER, "ALTER TABLE", List.of("shop.users")))) {
            AlterTable alter = assertInstanceOf(AlterTable.class, read);
            assertEquals("shop.users", alter.table());
            List<AlterAction> actions = alter.actions();
            assertEquals(13, actions.size());
            ColumnSpec score = assertInstanceOf(AddColumn.class, actions.get(0)).column();
            assertEquals("score", score.name());
            assertEquals("int", score.type());
            assertTrue(score.notNull());
            assertFalse(score.filled(), "an AS inside a CHECK fills nothing: " + read);
            ColumnSpec code = assertInstanceOf(AddColumn.class, actions.get(1)).column();
            assertTrue(code.filled());
            assertTrue(code.key().isWord("UNIQUE"));
            assertTrue(assertInstanceOf(AddColumn.class, actions.get(2)).column().filled(), "bigserial");
            assertTrue(assertInstanceOf(AddColumn.class, actions.get(3)).column().references());
            AddConstraint check = assertInstanceOf(AddConstraint.class, actions.get(4));
            assertEquals(new AddConstraint(check.at(), "users_age_check", AddConstraint.Kind.CHECK, true, false,
                    check.checked()), check);
            AddConstraint foreignKey = assertInstanceOf(AddConstraint.class, actions.get(5));
            assertFalse(foreignKey.notValid(), "NOT VALID belongs to the CHECK before it");
            assertTrue(assertInstanceOf(AddConstraint.class, actions.get(6)).usingIndex());
            assertEquals(AddConstraint.Kind.UNIQUE, assertInstanceOf(AddConstraint.class, actions.get(7)).kind());
            assertEquals(AlterColumn.Change.SET_NOT_NULL, assertInstanceOf(AlterColumn.class, actions.get(8)).change());
            assertEquals(AlterColumn.Change.DROP_DEFAULT, assertInstanceOf(AlterColumn.class, actions.get(9)).change());
            AlterColumn retype = assertInstanceOf(AlterColumn.class, actions.get(10));
            assertEquals(AlterColumn.Change.TYPE, retype.change());
            assertEquals("bigint", retype.type());
            assertTrue(retype.typeAt().isWord("bigint"));
            DropColumn drop = assertInstanceOf(DropColumn.class, actions.get(11));
            assertEquals(new DropColumn(drop.at(), "legacy", true, true), drop);
            assertInstanceOf(OtherAction.class, actions.get(12));
            assertTrue(actions.get(8).at().isWord("ALTER") && actions.get(11).at().isWord("DROP"), "each at its verb");
        }
    }

    @Test
    void indexesAndDrops() {
        String create = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON ONLY shop.users (lower(email))";
        for (Statement read : List.of(fromTree(create), fromTokens(create, "CREATE UNIQUE INDEX", List.of()))) {
            CreateIndex index = assertInstanceOf(CreateIndex.class, read);
            assertEquals(new CreateIndex(index.at(), "users_email_idx", "shop.users", true, true,
                    index.expressionColumns(), index.calls()), index);
        }
        CreateIndex expression = assertInstanceOf(CreateIndex.class, fromTree(create));
        assertEquals(List.of("email"), expression.expressionColumns().stream().map(ColumnReference::name).toList());
        assertTrue(expression.expressionColumns().get(0).at().isWord("email"));
        assertEquals(List.of(new FunctionCall(expression.calls().get(0).at(), null, "lower")), expression.calls());
        assertTrue(expression.calls().get(0).at().isWord("lower"));
        CreateIndex partial = assertInstanceOf(CreateIndex.class,
                fromTree("CREATE INDEX ON users (date_trunc('day', created), (users.\"Score\" + 1)) WHERE NOT archived"));
        assertEquals(List.of("created", "Score", "archived"),
                partial.expressionColumns().stream().map(ColumnReference::name).toList(),
                "columns by their last part, not the function or the literal");
        CreateIndex unnamed = assertInstanceOf(CreateIndex.class, fromTree("CREATE INDEX ON users (email)"));
        assertNull(unnamed.name());
        assertFalse(unnamed.concurrently());
        String drop = "DROP INDEX CONCURRENTLY IF EXISTS shop.a_idx, b_idx CASCADE";
        for (Statement read : List.of(fromTree(drop), fromTokens(drop, "DROP INDEX", List.of("shop.a_idx", "b_idx")))) {
            DropObjects objects = assertInstanceOf(DropObjects.class, read);
            assertEquals(new DropObjects(objects.at(), "INDEX", List.of("shop.a_idx", "b_idx"), true, true, true), objects);
        }
    }

    @Test
    void aWordInAStringOrANameIsNoClause() {
        // a quoted name is no keyword, and a string is no clause
        CreateIndex index = assertInstanceOf(CreateIndex.class, fromTree("CREATE INDEX i ON \"concurrently\" (a)"));
        assertFalse(index.concurrently());
        AlterTable alter = assertInstanceOf(AlterTable.class,
                fromTree("ALTER TABLE t ADD COLUMN note text NOT NULL CHECK (note <> 'DEFAULT')"));
        assertFalse(assertInstanceOf(AddColumn.class, alter.actions().get(0)).column().filled());
    }

    @Test
    void createTableColumnsWithoutItsConstraints() {
        String create = "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"key\" varchar(20) NOT NULL,"
                + " at timestamp with time zone DEFAULT now(), CONSTRAINT t_key UNIQUE (\"key\"), PRIMARY KEY (id), CHECK (at > now()))";
        CreateTable table = assertInstanceOf(CreateTable.class, fromTokens(create, "CREATE TABLE", List.of("t")));
        assertEquals(List.of("id", "key", "at"), table.columns().stream().map(ColumnSpec::name).toList());
        assertEquals(List.of("bigint", "varchar(20)", "timestamp with time zone"),
                table.columns().stream().map(ColumnSpec::type).toList());
        assertTrue(table.columns().get(0).filled() && table.columns().get(0).key().isWord("PRIMARY"));
        List<SqlToken> mysql = SqlLexer.tokens(Dialect.MYSQL, "CREATE TABLE m (id INT, KEY idx_id (id), INDEX (id),"
                + " `key` TEXT)").stream().filter(t -> !t.isComment()).toList();
        assertEquals(List.of("id", "key"), assertInstanceOf(CreateTable.class,
                TokenStatements.read(mysql, "CREATE TABLE", List.of("m"))).columns().stream().map(ColumnSpec::name).toList());
        assertEquals(List.of(), assertInstanceOf(CreateTable.class,
                fromTokens("CREATE TABLE c AS SELECT id FROM t", "CREATE TABLE", List.of("c"))).columns());
    }

    @Test
    void renamesAreReadFromTheWords() {
        // PostgreSQL parses RENAME as a statement of its own (RenameStmt); the tokens read it on every dialect
        Rename column = assertInstanceOf(Rename.class, assertInstanceOf(AlterTable.class,
                fromTree("ALTER TABLE users RENAME COLUMN \"Name\" TO full_name")).actions().get(0));
        assertEquals("Name", column.column());
        assertEquals("full_name", column.newName());
        Rename table = assertInstanceOf(Rename.class, assertInstanceOf(AlterTable.class,
                fromTokens("ALTER TABLE users RENAME AS people", "ALTER TABLE", List.of("users"))).actions().get(0));
        assertNull(table.column());
        assertEquals("people", table.newName());
        assertInstanceOf(OtherAction.class, assertInstanceOf(AlterTable.class,
                fromTokens("ALTER TABLE t RENAME INDEX a TO b", "ALTER TABLE", List.of("t"))).actions().get(0));
    }

    @Test
    void otherKindsAreLeftToTheirTokens() {
        assertInstanceOf(OtherStatement.class, fromTree("UPDATE users SET a = 1"));
        assertInstanceOf(AlterTable.class, fromTree("ALTER TABLE t RENAME COLUMN a TO b"));
    }
}
