package dev.drydock.validator.rules;

import dev.drydock.shared.migration.TransactionMode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlComment;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.Table;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The safety and locking rules, and {@code irreversible-without-ack}: what a migration, forward or rollback, does
 * to tables that existed before it began. A table created earlier in the same script (or, for a rollback, by its
 * forward migration) is nobody else's yet, so it is exempt; a rollback's drops are what it is for.
 */
final class SafetyRules implements StatementRules {

    private static final Set<String> VOLATILE_DEFAULTS = Set.of("RANDOM", "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V4", "UUID_GENERATE_V1", "NEXTVAL", "TIMEOFDAY", "UUID");
    private static final Set<String> LOCKING_KINDS = Set.of("ALTER TABLE", "CREATE INDEX", "CREATE UNIQUE INDEX",
            "DROP TABLE", "CREATE TRIGGER", "TRUNCATE");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        trackTransactionNeeds(site);
        String kind = site.kind();
        if (kind.equals("SET") && (site.containsWord("lock_timeout") || site.containsWord("innodb_lock_wait_timeout")
                || site.containsWord("lock_wait_timeout"))) {
            site.state().lockTimeoutSet = true;
        }
        nonIdempotent(site, sink);
        String table = lockedTable(site);
        if (table == null) {
            return;
        }
        switch (kind) {
            case "DROP TABLE" -> dropTable(site, sink, table);
            case "TRUNCATE" -> {
                site.reportOnTable(sink, RuleCatalog.UNBOUNDED_DML, site.first(), table, "TRUNCATE " + table
                        + " empties an existing table under an exclusive lock; if it is meant, say so with"
                        + " '-- drydock:irreversible <reason>' and take a backup first");
                irreversible(site, sink, "TRUNCATE " + table + " deletes every row");
                site.state().emptied.add(table);
            }
            case "UPDATE", "DELETE" -> dml(site, sink, table);
            case "ALTER TABLE" -> {
                alterTable(site, sink, table);
                if (site.dialect().isMySqlFamily()) {
                    mysqlBlockingAlter(site, sink, table);
                }
            }
            case "CREATE INDEX", "CREATE UNIQUE INDEX" -> createIndex(site, sink, table);
            case "RENAME" -> site.reportOnTable(sink, RuleCatalog.BREAKING_RENAME, site.first(), table, "renaming "
                    + table + " breaks the running application that still uses the old name; add a view with the new"
                    + " name first, move the code, then rename");
            default -> {
            }
        }
        lockTimeout(site, sink, kind, table);
    }

    /** The existing table the statement works on: the one after ON for indexes and triggers. */
    private static String lockedTable(StatementSite site) {
        String kind = site.kind();
        if (kind.endsWith("INDEX") && kind.startsWith("CREATE") || kind.equals("CREATE TRIGGER")) {
            List<SqlToken> tokens = site.tokens();
            int on = site.indexOfWord("ON");
            if (on < 0 || on + 1 >= tokens.size()) {
                return null;
            }
            int at = tokens.get(on + 1).isWord("ONLY") ? on + 2 : on + 1;
            return at < tokens.size() ? site.existingTable(site.names().key(qualifiedName(tokens, at))) : null;
        }
        return site.existingTable(site.object());
    }

    private static String qualifiedName(List<SqlToken> tokens, int at) {
        StringBuilder name = new StringBuilder(unquote(tokens.get(at)));
        int i = at + 1;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
            name.append('.').append(unquote(tokens.get(i + 1)));
            i += 2;
        }
        return name.toString();
    }

    private static void dropTable(StatementSite site, FindingSink sink, String table) {
        if (site.state().renamedInto.contains(table)) {
            return; // a rebuild: the rows were copied into the table renamed to this name
        }
        site.reportOnTable(sink, RuleCatalog.DESTRUCTIVE_DROP, site.first(), table, "DROP TABLE " + table
                + " deletes the table and its rows, and breaks code that still uses it; stop using it first, then drop"
                + " it in a later migration after a backup");
        irreversible(site, sink, "DROP TABLE " + table + " deletes its rows");
    }

    private static void dml(StatementSite site, FindingSink sink, String table) {
        boolean where = hasTopLevelWord(site.tokens(), "WHERE");
        if (!where) {
            site.reportOnTable(sink, RuleCatalog.UNBOUNDED_DML, site.first(), table, site.kind() + " without WHERE"
                    + " touches every row of " + table + " in one transaction, locking them all; add a WHERE clause,"
                    + " or backfill in batches by key range");
        }
        if (site.kind().equals("DELETE")) {
            irreversible(site, sink, "DELETE FROM " + table + " removes rows");
            if (!where) {
                site.state().emptied.add(table);
            }
        }
    }

    private static boolean hasTopLevelWord(List<SqlToken> tokens, String word) {
        int depth = 0;
        for (SqlToken token : tokens) {
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static void alterTable(StatementSite site, FindingSink sink, String table) {
        List<SqlToken> tokens = site.tokens();
        Table before = site.schema().table(table);
        boolean notValid = site.containsWord("VALID") && site.indexOfWord("NOT") >= 0;
        for (int i = 3; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean actionStart = tokens.get(i - 1).isSymbol(',') || i == AlterTableActions.firstAction(tokens);
            if (!actionStart) {
                continue;
            }
            if (token.isWord("DROP") && next != null && !isWordIn(next, "CONSTRAINT", "INDEX", "KEY", "DEFAULT",
                    "NOT", "PRIMARY", "FOREIGN", "CHECK", "IDENTITY", "EXPRESSION")) {
                String column = columnAfter(tokens, i + 1);
                site.reportOnTable(sink, RuleCatalog.DESTRUCTIVE_DROP, token, table, "dropping column " + column
                        + " of " + table + " deletes its data and breaks code that still reads it; stop using it"
                        + " first, then drop it in a later migration");
                irreversible(site, sink, "dropping " + table + "." + column + " deletes its data");
            } else if (token.isWord("ADD")) {
                add(site, sink, table, tokens, i, notValid);
            } else if (token.isWord("ALTER") || token.isWord("MODIFY") || token.isWord("CHANGE")) {
                alterColumn(site, sink, table, before, tokens, i);
            } else if (token.isWord("RENAME")) {
                String what = next != null && next.isWord("TO") || next != null && next.isWord("AS") ? "table " + table
                        : "a column of " + table;
                if (next != null && (next.isWord("CONSTRAINT") || next.isWord("INDEX") || next.isWord("KEY"))) {
                    continue;
                }
                site.reportOnTable(sink, RuleCatalog.BREAKING_RENAME, token, table, "renaming " + what + " breaks the"
                        + " running application that still uses the old name; add the new name alongside (a new"
                        + " column kept in sync, or a view), move the code, then drop the old name");
            }
        }
    }

    private static void add(StatementSite site, FindingSink sink, String table, List<SqlToken> tokens, int at,
                            boolean notValid) {
        SqlToken next = at + 1 < tokens.size() ? tokens.get(at + 1) : null;
        if (next == null) {
            return;
        }
        List<SqlToken> action = AlterTableActions.action(tokens, at);
        boolean constraint = isWordIn(next, "CONSTRAINT", "FOREIGN", "CHECK", "PRIMARY", "UNIQUE", "INDEX", "KEY");
        if (constraint) {
            boolean foreignOrCheck = action.stream().anyMatch(t -> t.isWord("FOREIGN") || t.isWord("CHECK"));
            if (foreignOrCheck && site.dialect() == Dialect.POSTGRESQL && !notValid) {
                site.reportOnTable(sink, RuleCatalog.CONSTRAINT_WITHOUT_NOT_VALID, tokens.get(at), table, "adding this"
                        + " constraint scans all of " + table + " while writes wait; add it NOT VALID, then run ALTER"
                        + " TABLE " + table + " VALIDATE CONSTRAINT ... in a later migration");
            }
            boolean index = action.stream().anyMatch(t -> t.isWord("INDEX") || t.isWord("KEY") || t.isWord("UNIQUE"));
            if (index && site.dialect().isMySqlFamily() && mysqlMayBlock(site)) {
                site.reportOnTable(sink, RuleCatalog.BLOCKING_INDEX_BUILD, tokens.get(at), table, "this index build"
                        + " may block writes to " + table + "; add ALGORITHM=INPLACE, LOCK=NONE so that it fails"
                        + " instead of locking");
            }
            return;
        }
        boolean notNull = false;
        boolean hasDefault = false;
        for (int i = 0; i < action.size(); i++) {
            SqlToken token = action.get(i);
            if (token.isWord("NOT") && i + 1 < action.size() && action.get(i + 1).isWord("NULL")) {
                notNull = true;
            }
            if (token.isWord("DEFAULT") || token.isWord("GENERATED") || token.isWord("AUTO_INCREMENT")
                    || token.isWord("SERIAL") || token.isWord("BIGSERIAL") || token.isWord("AS")) {
                hasDefault = true;
            }
            if (token.type() == SqlToken.Type.WORD && VOLATILE_DEFAULTS.contains(token.text().toUpperCase(Locale.ROOT))
                    && i + 1 < action.size() && action.get(i + 1).isSymbol('(')
                    || token.isWord("STORED") || token.isWord("SERIAL") || token.isWord("BIGSERIAL")) {
                site.reportOnTable(sink, RuleCatalog.TABLE_REWRITE, token, table, "adding a column with "
                        + (token.isWord("STORED") ? "a STORED generated value" : "a volatile default ("
                        + token.text() + ")") + " rewrites every row of " + table + " under an exclusive lock; add"
                        + " it nullable without the default, backfill in batches, then set the default");
            }
        }
        boolean references = action.stream().anyMatch(t -> t.isWord("REFERENCES"));
        if (references && site.dialect() == Dialect.POSTGRESQL && !notValid) {
            site.reportOnTable(sink, RuleCatalog.CONSTRAINT_WITHOUT_NOT_VALID, tokens.get(at), table, "adding a column"
                    + " with REFERENCES validates the new foreign key by scanning all of " + table + " under the"
                    + " ALTER's lock; add the column, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, and VALIDATE"
                    + " CONSTRAINT in a later migration");
        }
        volatileUserDefault(site, action).ifPresent(function -> site.reportOnTable(sink, RuleCatalog.TABLE_REWRITE,
                function, table, "adding a column whose default calls " + function.text() + "(), a function this"
                        + " project created without IMMUTABLE or STABLE, rewrites every row of " + table + " under an"
                        + " exclusive lock; add it nullable without the default, backfill in batches, then set the"
                        + " default"));
        // a table this script emptied has no row to refuse the column
        if (notNull && !hasDefault && !site.state().emptied.contains(table)) {
            site.reportOnTable(sink, RuleCatalog.NOT_NULL_WITHOUT_DEFAULT, tokens.get(at), table, "adding a NOT NULL"
                    + " column without a DEFAULT fails on " + table + " as soon as it has rows; add a DEFAULT, or add"
                    + " it nullable, backfill, then SET NOT NULL");
        }
    }

    /**
     * A default that calls a function the migrations created without IMMUTABLE or STABLE: PostgreSQL treats it as
     * volatile and fills every row. Functions the model does not know (built-ins included) are left alone.
     */
    private static java.util.Optional<SqlToken> volatileUserDefault(StatementSite site, List<SqlToken> action) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return java.util.Optional.empty();
        }
        boolean inDefault = false;
        for (int i = 0; i + 1 < action.size(); i++) {
            SqlToken token = action.get(i);
            inDefault |= token.isWord("DEFAULT");
            if (!inDefault || token.type() != SqlToken.Type.WORD || !action.get(i + 1).isSymbol('(')) {
                continue;
            }
            String prefix = "function " + site.names().key(token.text().toLowerCase(Locale.ROOT)) + "(";
            boolean userVolatile = site.schema().objects().entrySet().stream().anyMatch(entry -> entry.getKey()
                    .startsWith(prefix) && !entry.getValue().definition().matches("(?s).*\\b(immutable|stable)\\b.*"));
            if (userVolatile) {
                return java.util.Optional.of(token);
            }
        }
        return java.util.Optional.empty();
    }

    private static void alterColumn(StatementSite site, FindingSink sink, String table, Table before,
                                    List<SqlToken> tokens, int at) {
        List<SqlToken> action = AlterTableActions.action(tokens, at);
        // ALTER [COLUMN] name [SET DATA] TYPE ...: the column may itself be called "type"
        int nameAt = action.size() > 1 && action.get(1).isWord("COLUMN") ? 2 : 1;
        int typeAt = -1;
        if (nameAt + 1 < action.size() && action.get(nameAt + 1).isWord("TYPE")) {
            typeAt = nameAt + 1;
        } else if (nameAt + 3 < action.size() && action.get(nameAt + 1).isWord("SET")
                && action.get(nameAt + 2).isWord("DATA") && action.get(nameAt + 3).isWord("TYPE")) {
            typeAt = nameAt + 3;
        }
        boolean mysqlRedefine = tokens.get(at).isWord("MODIFY") || tokens.get(at).isWord("CHANGE");
        if (typeAt < 0 && !mysqlRedefine) {
            return;
        }
        String columnName = columnAfter(tokens, at + 1);
        Column column = before == null ? null : before.columns().get(columnName);
        String newType = typeAt >= 0 ? typeText(action.subList(typeAt + 1, action.size()))
                : typeText(action.subList(tokens.get(at + 1).isWord("COLUMN") ? (tokens.get(at).isWord("CHANGE") ? 4 : 3)
                : (tokens.get(at).isWord("CHANGE") ? 3 : 2), action.size()));
        String oldType = column == null ? null : column.type();
        String normalized = dev.drydock.validator.schema.TypeName.normalize(site.dialect(), newType);
        if (oldType != null && oldType.equals(normalized)) {
            return; // MODIFY that keeps the type: only nullability or default
        }
        if (oldType != null && isWidening(oldType, normalized)) {
            return;
        }
        site.reportOnTable(sink, RuleCatalog.TABLE_REWRITE, tokens.get(at), table, "changing the type of "
                + table + "." + columnName + (oldType == null ? "" : " from " + oldType) + " to " + normalized
                + " rewrites every row under an exclusive lock; add a new column, backfill it in batches, then switch");
        if (oldType != null && isNarrowing(oldType, normalized)) {
            irreversible(site, sink, "narrowing " + table + "." + columnName + " from " + oldType + " to "
                    + normalized + " can cut or reject values");
        }
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
            depth += token.isSymbol('(') ? 1 : token.isSymbol(')') ? -1 : 0;
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

    private static void createIndex(StatementSite site, FindingSink sink, String table) {
        if (site.dialect() == Dialect.POSTGRESQL && !site.containsWord("CONCURRENTLY")) {
            site.reportOnTable(sink, RuleCatalog.BLOCKING_INDEX_BUILD, site.first(), table, "CREATE INDEX on " + table
                    + " blocks every INSERT, UPDATE and DELETE until the build ends; use CREATE INDEX CONCURRENTLY,"
                    + " in a migration that runs outside a transaction");
        } else if (site.dialect().isMySqlFamily() && mysqlMayBlock(site)) {
            site.reportOnTable(sink, RuleCatalog.BLOCKING_INDEX_BUILD, site.first(), table, "this index build may"
                    + " block writes to " + table + "; add ALGORITHM=INPLACE LOCK=NONE so that it fails instead of"
                    + " locking");
        }
    }

    /**
     * An online DDL clause of MySQL and MariaDB: the value after {@code ALGORITHM} or {@code LOCK} (with or without
     * {@code =}), upper case, or null when the clause is absent.
     */
    private static String mysqlClause(StatementSite site, String clause) {
        List<SqlToken> tokens = site.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord(clause)) {
                boolean equals = tokens.get(i + 1).isSymbol('=') && i + 2 < tokens.size();
                SqlToken value = equals ? tokens.get(i + 2) : tokens.get(i + 1);
                return value.text().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * Whether a MySQL index build may block writes: no ALGORITHM or LOCK clause to make it fail instead, or one
     * that asks for the blocking way (ALGORITHM=COPY, LOCK=SHARED or EXCLUSIVE).
     */
    private static boolean mysqlMayBlock(StatementSite site) {
        String algorithm = mysqlClause(site, "ALGORITHM");
        String lock = mysqlClause(site, "LOCK");
        return algorithm == null && lock == null || "COPY".equals(algorithm) || "SHARED".equals(lock)
                || "EXCLUSIVE".equals(lock);
    }

    /**
     * ALTER TABLE ... ALGORITHM=COPY copies the table; LOCK=SHARED or EXCLUSIVE holds writers off for the whole
     * ALTER.
     */
    private static void mysqlBlockingAlter(StatementSite site, FindingSink sink, String table) {
        String algorithm = mysqlClause(site, "ALGORITHM");
        String lock = mysqlClause(site, "LOCK");
        boolean copy = "COPY".equals(algorithm);
        boolean locked = "SHARED".equals(lock) || "EXCLUSIVE".equals(lock);
        boolean indexBuild = site.containsWord("INDEX") || site.containsWord("KEY") || site.containsWord("UNIQUE");
        if ((copy || locked) && !indexBuild) { // an index build is blocking-index-build's
            site.reportOnTable(sink, RuleCatalog.TABLE_REWRITE, site.wordToken(copy ? "ALGORITHM" : "LOCK"), table,
                    (copy ? "ALGORITHM=COPY copies every row of " + table + " into a new table"
                            : "LOCK=" + lock + " holds every write to " + table + " off") + " for the whole ALTER;"
                            + " use ALGORITHM=INPLACE (or INSTANT) with LOCK=NONE, so that MySQL refuses what it cannot"
                            + " do online");
        }
    }

    private static String unquote(SqlToken token) {
        return token.unquoted().toLowerCase(Locale.ROOT);
    }

    private static void lockTimeout(StatementSite site, FindingSink sink, String kind, String table) {
        ScriptState state = site.state();
        if (site.dialect() != Dialect.POSTGRESQL || state.lockTimeoutSet || state.lockTimeoutReported
                || !LOCKING_KINDS.contains(kind) || site.containsWord("CONCURRENTLY")) {
            return;
        }
        state.lockTimeoutReported = true;
        site.reportOnTable(sink, RuleCatalog.MISSING_LOCK_TIMEOUT, site.first(), table,
                kind + " waits for its lock behind any running query on " + table + ", and every query"
                        + " after it waits too; start the migration with SET lock_timeout = '5s' so that it gives"
                        + " up instead (and retry)");
    }

    private static void nonIdempotent(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean create = kind.equals("CREATE TABLE") || kind.equals("CREATE INDEX") || kind.equals("CREATE UNIQUE INDEX")
                || kind.equals("CREATE SEQUENCE") || kind.equals("CREATE SCHEMA") || kind.equals("CREATE EXTENSION")
                || kind.equals("CREATE VIEW") && !site.containsWord("REPLACE");
        boolean drop = kind.equals("DROP TABLE") || kind.equals("DROP INDEX") || kind.equals("DROP VIEW")
                || kind.equals("DROP SEQUENCE") || kind.equals("DROP TYPE") || kind.equals("DROP FUNCTION")
                || kind.equals("DROP TRIGGER");
        if (!create && !drop || site.containsWord("IF")) {
            return;
        }
        Dialect dialect = site.dialect();
        boolean supported = switch (dialect) {
            case MYSQL -> kind.equals("CREATE TABLE") || kind.equals("DROP TABLE") || kind.equals("DROP VIEW")
                    || kind.equals("DROP FUNCTION") || kind.equals("DROP TRIGGER");
            case SQLITE, D1 -> kind.endsWith("TABLE") || kind.endsWith("INDEX") || kind.endsWith("VIEW")
                    || kind.endsWith("TRIGGER");
            default -> true;
        };
        if (supported) {
            site.report(sink, RuleCatalog.NON_IDEMPOTENT_DDL, site.first(), null, kind + " without "
                    + (create ? "IF NOT EXISTS" : "IF EXISTS") + " stops a re-run after a partial failure; add it");
        }
    }

    /** Notes the statements that PostgreSQL runs only outside a transaction block, for concurrent-in-transaction. */
    private static void trackTransactionNeeds(StatementSite site) {
        String kind = site.kind();
        boolean outsideOnly = site.containsWord("CONCURRENTLY") && (kind.endsWith("INDEX") || kind.equals("REINDEX"))
                || kind.equals("VACUUM") || kind.equals("CREATE DATABASE") || kind.equals("DROP DATABASE")
                || kind.equals("ALTER SYSTEM");
        if (outsideOnly) {
            site.state().outsideTransactionOnly.add(site.statement());
        } else if (!kind.equals("SET") && !kind.equals("COMMIT") && !kind.equals("BEGIN")) {
            site.state().transactionalStatements++;
        }
    }

    @Override
    public void endOfScript(StatementSite last, FindingSink sink) {
        ScriptState state = last.state();
        if (state.outsideTransactionOnly.isEmpty() || last.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        TransactionMode mode = last.migration().transaction();
        boolean followsFlyway = last.analysis().set().layout().name().equals("flyway")
                && mode.decidedBy().equals(TransactionMode.byDefault(true).decidedBy());
        boolean inTransaction = mode.inTransaction() && !(followsFlyway && state.transactionalStatements == 0);
        if (!inTransaction) {
            return;
        }
        ParsedStatement first = state.outsideTransactionOnly.get(0);
        String why = followsFlyway ? "it is mixed with statements that need a transaction, so Flyway refuses the"
                + " migration" : "the migration runs in a transaction (" + mode.decidedBy() + ")";
        StatementSite site = new StatementSite(last.analysis(), last.migration(), last.script(), last.forward(), first,
                last.schema(), last.names(), state);
        site.report(sink, RuleCatalog.CONCURRENT_IN_TRANSACTION, first.source().tokens().get(0), null,
                first.shape().kind() + (site.containsWord("CONCURRENTLY") ? " CONCURRENTLY" : "") + " cannot run in a"
                        + " transaction block and " + why + "; move it to a migration of its own marked '--"
                        + " drydock:no-transaction' (or the runner's equivalent)");
    }

    private static void irreversible(StatementSite site, FindingSink sink, String what) {
        if (acknowledged(site)) {
            return;
        }
        site.report(sink, RuleCatalog.IRREVERSIBLE_WITHOUT_ACK, site.first(), null, what + ", which no rollback can"
                + " bring back; if that is intended, add '-- drydock:irreversible <reason>' at the top of "
                + site.script().file().path().getFileName() + " and take a backup before applying it");
    }

    private static boolean acknowledged(StatementSite site) {
        return site.analysis().primary(site.script()).stream().flatMap(parsed -> parsed.directives().stream())
                .map(SqlComment::body).anyMatch(body -> body.startsWith(PairingCheck.IRREVERSIBLE));
    }

    private static String columnAfter(List<SqlToken> tokens, int from) {
        int i = from;
        while (i < tokens.size() && isWordIn(tokens.get(i), "COLUMN", "IF", "EXISTS")) {
            i++;
        }
        return i < tokens.size() ? unquote(tokens.get(i)) : "?";
    }

    private static boolean isWordIn(SqlToken token, String... words) {
        for (String word : words) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }
}
