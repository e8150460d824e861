package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.AddColumn;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AlterColumn;
import dev.drydock.validator.statement.CreateTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The column types a statement declares: each column of a CREATE TABLE, each ADD COLUMN and each ALTER COLUMN ...
 * TYPE of an ALTER TABLE, as the type's words in lower case ({@code timestamp without time zone}, {@code varchar(20)}).
 */
final class ColumnTypes {

    /** A declared type and the token it starts at. */
    record Declared(SqlToken at, String type) {
    }

    private ColumnTypes() {
    }

    /** The types a CREATE TABLE or an ALTER TABLE declares (ADD COLUMN, ALTER COLUMN ... TYPE), where each starts. */
    static List<Declared> of(StatementSite site) {
        List<Declared> declared = new ArrayList<>();
        if (site.typed() instanceof CreateTable create) {
            create.columns().forEach(column -> declared(column.type(), column.typeAt(), declared));
        }
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AddColumn added) {
                declared(added.column().type(), added.column().typeAt(), declared);
            } else if (action instanceof AlterColumn change) {
                declared(change.type(), change.typeAt(), declared);
            }
        }
        return declared;
    }

    private static void declared(String type, SqlToken at, List<Declared> declared) {
        if (type != null && at != null) {
            declared.add(new Declared(at, type));
        }
    }

    /** Reports {@code rule} at every declared PostgreSQL type {@code matches} accepts, with {@code message} of the type. */
    static void report(StatementSite site, FindingSink sink, Rule rule, java.util.function.Predicate<String> matches,
                       java.util.function.UnaryOperator<String> message) {
        if (site.dialect() != dev.drydock.shared.sql.Dialect.POSTGRESQL) {
            return;
        }
        for (Declared declared : of(site)) {
            if (matches.test(declared.type())) {
                site.report(sink, rule, declared.at(), null, message.apply(declared.type()));
            }
        }
    }


}
