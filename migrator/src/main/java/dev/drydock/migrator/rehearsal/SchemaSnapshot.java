package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.sql.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database's schema read from its catalog, one line per object or column, sorted (column order is not
 * compared), without the runners' own history tables: two snapshots are equal when the schemas are.
 */
public record SchemaSnapshot(Set<String> lines) {

    private static final String OWN_TABLES = "('flyway_schema_history', 'drydock_rollback_history')";

    public static SchemaSnapshot of(Connection connection, Dialect dialect) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            switch (dialect) {
                case POSTGRESQL -> postgres(statement, lines);
                case MYSQL, MARIADB -> mariadb(statement, lines);
                case SQLITE, D1 -> sqlite(statement, lines);
            }
        }
        return new SchemaSnapshot(new TreeSet<>(lines));
    }

    /** What this snapshot has and {@code other} lacks ("missing") and the reverse ("left behind"). */
    public List<String> differencesFrom(SchemaSnapshot other) {
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            if (!other.lines.contains(line)) {
                differences.add("missing: " + line);
            }
        }
        for (String line : other.lines) {
            if (!lines.contains(line)) {
                differences.add("left behind: " + line);
            }
        }
        return differences;
    }

    private static void postgres(Statement statement, List<String> lines) throws SQLException {
        query(statement, "select table_name, column_name, data_type, is_nullable, column_default from"
                + " information_schema.columns where table_schema not in ('pg_catalog', 'information_schema')"
                + " and table_name not in " + OWN_TABLES, row -> "column " + row.getString(1) + "." + row.getString(2)
                + " " + row.getString(3) + " nullable=" + row.getString(4) + " default=" + row.getString(5), lines);
        query(statement, "select tablename, indexdef from pg_indexes where schemaname not in ('pg_catalog',"
                + " 'information_schema') and tablename not in " + OWN_TABLES, row -> "index on " + row.getString(1)
                + ": " + row.getString(2), lines);
        query(statement, "select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint"
                + " where connamespace not in (select oid from pg_namespace where nspname in ('pg_catalog',"
                + " 'information_schema')) and conrelid <> 0 and conrelid::regclass::text not in " + OWN_TABLES,
                row -> "constraint " + row.getString(2) + " on " + row.getString(1) + ": " + row.getString(3), lines);
        query(statement, "select viewname, definition from pg_views where schemaname not in ('pg_catalog',"
                + " 'information_schema')", row -> "view " + row.getString(1) + ": " + row.getString(2).replaceAll("\\s+", " "), lines);
        query(statement, "select matviewname, definition from pg_matviews", row -> "materialized view "
                + row.getString(1) + ": " + row.getString(2).replaceAll("\\s+", " "), lines);
        query(statement, "select sequencename from pg_sequences where sequencename not like 'flyway%'",
                row -> "sequence " + row.getString(1), lines);
        query(statement, "select tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) from pg_trigger where not"
                + " tgisinternal", row -> "trigger " + row.getString(1) + " on " + row.getString(2) + ": " + row.getString(3), lines);
        query(statement, "select p.oid::regprocedure::text, md5(pg_get_functiondef(p.oid)) from pg_proc p join"
                + " pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema')"
                + " and p.prokind in ('f', 'p')", row -> "routine " + row.getString(1) + " " + row.getString(2), lines);
        query(statement, "select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_type t join"
                + " pg_enum e on e.enumtypid = t.oid group by t.typname", row -> "enum " + row.getString(1) + " ("
                + row.getString(2) + ")", lines);
        query(statement, "select extname from pg_extension where extname <> 'plpgsql'",
                row -> "extension " + row.getString(1), lines);
    }

    private static void mariadb(Statement statement, List<String> lines) throws SQLException {
        String own = " and table_name not in " + OWN_TABLES;
        query(statement, "select table_name, column_name, column_type, is_nullable, column_default from"
                + " information_schema.columns where table_schema = database()" + own, row -> "column " + row.getString(1)
                + "." + row.getString(2) + " " + row.getString(3) + " nullable=" + row.getString(4) + " default="
                + row.getString(5), lines);
        query(statement, "select table_name, index_name, non_unique, group_concat(column_name order by seq_in_index)"
                + " from information_schema.statistics where table_schema = database()" + own
                + " group by table_name, index_name, non_unique", row -> "index " + row.getString(2) + " on "
                + row.getString(1) + " (" + row.getString(4) + ") unique=" + (row.getInt(3) == 0), lines);
        query(statement, "select constraint_name, table_name, referenced_table_name, update_rule, delete_rule from"
                + " information_schema.referential_constraints where constraint_schema = database()",
                row -> "foreign key " + row.getString(1) + " on " + row.getString(2) + " -> " + row.getString(3)
                        + " on delete " + row.getString(5), lines);
        query(statement, "select table_name, view_definition from information_schema.views where table_schema ="
                + " database()", row -> "view " + row.getString(1) + ": " + row.getString(2), lines);
        query(statement, "select trigger_name, event_object_table, action_statement from information_schema.triggers"
                + " where trigger_schema = database()", row -> "trigger " + row.getString(1) + " on " + row.getString(2)
                + ": " + row.getString(3), lines);
        query(statement, "select routine_type, routine_name, md5(routine_definition) from information_schema.routines"
                + " where routine_schema = database()", row -> row.getString(1).toLowerCase() + " " + row.getString(2)
                + " " + row.getString(3), lines);
    }

    private static void sqlite(Statement statement, List<String> lines) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        query(statement, "select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not in "
                + OWN_TABLES + " and tbl_name not in " + OWN_TABLES, row -> {
                    objects.add(new String[] {row.getString(1), row.getString(2), row.getString(3)});
                    return null;
                }, new ArrayList<>());
        for (String[] object : objects) {
            String name = object[1];
            if (object[0].equals("table")) {
                lines.add("table " + name);
                query(statement, "pragma table_info(\"" + name + "\")", row -> "column " + name + "." + row.getString(2)
                        + " " + String.valueOf(row.getString(3)).toUpperCase() + " notnull=" + row.getInt(4)
                        + " default=" + row.getString(5) + " pk=" + row.getInt(6), lines);
                query(statement, "pragma foreign_key_list(\"" + name + "\")", row -> "foreign key " + name + "."
                        + row.getString(4) + " -> " + row.getString(3) + "." + row.getString(5) + " on delete "
                        + row.getString(7), lines);
            } else if (object[0].equals("index")) {
                lines.add("index " + name + ": " + (object[2] == null ? "automatic" : object[2].replaceAll("\\s+", " ")));
            } else {
                lines.add(object[0] + " " + name + ": " + String.valueOf(object[2]).replaceAll("\\s+", " "));
            }
        }
    }

    private interface Row {
        String read(ResultSet row) throws SQLException;
    }

    private static void query(Statement statement, String sql, Row row, List<String> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String line = row.read(rows);
                if (line != null) {
                    into.add(line);
                }
            }
        }
    }
}
