package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/**
 * What MySQL and MariaDB check of a trigger's {@code NEW.col} and {@code OLD.col} when they create it, against the
 * table's columns: a column the table lacks (error 1054, "Unknown column in 'NEW'"), the row an event does not have
 * ({@code OLD} in an INSERT trigger, {@code NEW} in a DELETE trigger: 1363), and {@code SET NEW.col} in an AFTER
 * trigger (1362). PostgreSQL's trigger functions are checked only when they run, so they are not judged.
 */
final class TriggerRows {

    private TriggerRows() {
    }

    /**
     * @param table the trigger's table, or null
     * @param rest  the statement after the trigger's name: {@code BEFORE INSERT ON t FOR EACH ROW body}
     */
    static void check(Table table, List<SqlToken> rest, List<ReplayProblem> problems) {
        int body = bodyStart(rest);
        if (table == null || body < 0 || rest.size() < 2) {
            return;
        }
        boolean after = rest.get(0).isWord("AFTER");
        String event = rest.get(1).text().toUpperCase(Locale.ROOT);
        for (int i = body; i + 2 < rest.size(); i++) {
            SqlToken row = rest.get(i);
            if (!(row.isWord("NEW") || row.isWord("OLD")) || !rest.get(i + 1).isSymbol('.')
                    || !TokenCursor.isNamePart(rest.get(i + 2)) || i > 0 && rest.get(i - 1).isSymbol('.')) {
                continue;
            }
            String which = row.text().toUpperCase(Locale.ROOT);
            SqlToken column = rest.get(i + 2);
            if (which.equals("OLD") && event.equals("INSERT") || which.equals("NEW") && event.equals("DELETE")) {
                Replayer.refusedDeclaration(problems, row, "trigger on table " + table.name(), "There is no "
                        + which + " row in on " + event + " trigger (error 1363); an " + event + " trigger has only "
                        + (event.equals("INSERT") ? "NEW" : "OLD"));
                return;
            }
            if (table.columnsKnown() && !table.hasColumn(TokenCursor.unquote(column))) {
                Replayer.unknown(problems, true, column, "column " + TokenCursor.unquote(column) + " of table "
                        + table.name());
                return;
            }
            if (after && which.equals("NEW") && i > 0 && rest.get(i - 1).isWord("SET")) {
                Replayer.refusedDeclaration(problems, row, "trigger on table " + table.name(), "Updating of NEW row"
                        + " is not allowed in after trigger (error 1362); make it a BEFORE trigger");
                return;
            }
        }
    }

    /** Where the body starts: after {@code FOR EACH ROW} and any {@code FOLLOWS | PRECEDES other}; -1 if not read. */
    private static int bodyStart(List<SqlToken> rest) {
        for (int i = 0; i + 2 < rest.size(); i++) {
            if (rest.get(i).isWord("FOR") && rest.get(i + 1).isWord("EACH") && rest.get(i + 2).isWord("ROW")) {
                int start = i + 3;
                if (start + 1 < rest.size() && (rest.get(start).isWord("FOLLOWS") || rest.get(start).isWord("PRECEDES"))) {
                    start += 2;
                }
                return start;
            }
        }
        return -1;
    }
}
