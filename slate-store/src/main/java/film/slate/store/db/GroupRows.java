package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows of a group (a group commit's takes, a batch's claims) as one table inside one
 * statement, so a group costs one statement a table instead of one execution a row: on PostgreSQL
 * {@code unnest} of one array a column (the statement's text is the same for every group size, so
 * the server plans it once), on SQLite a {@code VALUES} list (in-process, nothing to plan across
 * calls). A row's position in the group is its column {@code n} (1, 2, ...), for statements whose
 * order matters (event ids).
 */
final class GroupRows {
    /** A column's SQL type, as PostgreSQL names its arrays' elements. */
    enum Type {
        TEXT("text"), INT("int4"), BIGINT("int8"), DOUBLE("float8");

        private final String pg;

        Type(String pg) {
            this.pg = pg;
        }
    }

    /** A column of the group's table. */
    record Column(String name, Type type) {
    }

    static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    static Column integer(String name) {
        return new Column(name, Type.INT);
    }

    static Column bigint(String name) {
        return new Column(name, Type.BIGINT);
    }

    static Column real(String name) {
        return new Column(name, Type.DOUBLE);
    }

    private final boolean postgresql;
    private final String alias;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    /** An empty group whose table is named {@code alias} in the statement, with {@code columns} (and {@code n}). */
    GroupRows(Database db, String alias, Column... columns) {
        this.postgresql = db.onPostgresql();
        this.alias = alias;
        this.columns = List.of(columns);
    }

    /** Adds a row: one value a column, in order ({@code null} for SQL NULL). */
    GroupRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    /**
     * The group as a table for a FROM clause, {@code alias(columns..., n)}; its parameters are
     * bound by {@link #bind}. Not for an empty group (SQLite has no empty VALUES list).
     */
    String table() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("an empty group has no table");
        }
        StringJoiner names = new StringJoiner(", ");
        columns.forEach(c -> names.add(c.name()));
        if (postgresql) {
            StringJoiner arrays = new StringJoiner(", ");
            columns.forEach(c -> arrays.add("?::" + c.type().pg + "[]"));
            return "unnest(" + arrays + ") WITH ORDINALITY AS " + alias + "(" + names + ", n)";
        }
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            select.add("column" + (i + 1) + " AS " + columns.get(i).name());
        }
        String row = "(" + "?, ".repeat(columns.size()) + "?)";
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows.size(); i++) {
            values.add(row);
        }
        return "(SELECT " + select + ", column" + (columns.size() + 1) + " AS n FROM (VALUES " + values + ")) AS " + alias;
    }

    /**
     * The group as a WITH query named by its alias, for statements that read it twice: the rows whose
     * key is among the group's ({@link #keyAmong}) and then the group's other columns.
     */
    String with() {
        return "WITH " + alias + " AS (SELECT * FROM " + table() + ") ";
    }

    /**
     * The condition that {@code column} is one of the group's {@code field} values, for the statement
     * that starts with {@link #with()}: on PostgreSQL an array, which the plan looks up in the column's
     * index however few rows it expects (a join or IN may be planned as a scan of the whole table,
     * and a plan made once serves every group), on SQLite a subquery.
     */
    String keyAmong(String column, String field) {
        return postgresql ? column + " = ANY (ARRAY(SELECT " + field + " FROM " + alias + "))"
                : column + " IN (SELECT " + field + " FROM " + alias + ")";
    }

    /** Binds the group's values from parameter {@code from} on; returns the next parameter's index. */
    int bind(Connection c, PreparedStatement st, int from) throws SQLException {
        int i = from;
        if (postgresql) {
            for (int col = 0; col < columns.size(); col++) {
                Object[] values = new Object[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    values[r] = rows.get(r)[col];
                }
                st.setArray(i++, c.createArrayOf(columns.get(col).type().pg, values));
            }
            return i;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (Object value : rows.get(r)) {
                st.setObject(i++, value);
            }
            st.setLong(i++, r + 1L); // as WITH ORDINALITY counts
        }
        return i;
    }
}
