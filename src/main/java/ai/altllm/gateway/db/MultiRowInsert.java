package ai.altllm.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Inserts batches of records into one table, each batch in one transaction and one round trip: full chunks of
 * {@value #ROWS} records as a JDBC batch of {@code INSERT ... VALUES (...), (...)} statements, the rest as a batch of
 * one-row inserts. For the tables written on every request (usage, credit ledger); standard SQL for H2 and PostgreSQL.
 *
 * <p>Both statements' text is fixed, so the database's statement cache serves every batch; a last statement sized to
 * the remainder made H2 parse a new statement of up to 600 parameters on every flush. And no method here executes a
 * statement inside a loop: once the binding loop was hot, C2 compiled it with the whole H2 insert path inlined, and in
 * a 30 s window under load did so five times over, as the two tables' rows kept invalidating each other's profile.
 */
public final class MultiRowInsert<T> {

    /** Records per multi-row statement: well under PostgreSQL's 32,767 parameters for any of our tables. */
    public static final int ROWS = 100;

    private final String chunkSql;
    private final String rowSql;
    private final int columns;
    private final Jdbc.Columns<T> binder;

    /** @param table the table and its column list, e.g. {@code "t (a, b)"}; {@code columns} is their count */
    public MultiRowInsert(String table, int columns, Jdbc.Columns<T> binder) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.chunkSql = "INSERT INTO " + table + " VALUES " + String.join(", ", Collections.nCopies(ROWS, tuple));
        this.rowSql = "INSERT INTO " + table + " VALUES " + tuple;
        this.columns = columns;
        this.binder = binder;
    }

    /** Writes all records or, if anything fails, none. */
    public void insert(DataSource dataSource, List<T> records) {
        if (records.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, c -> {
            insert(c, records);
            return null;
        });
    }

    /** Writes all records inside the caller's transaction. */
    public void insert(Connection c, List<T> records) throws SQLException {
        int chunked = records.size() / ROWS * ROWS;
        execute(c, chunkSql, records.subList(0, chunked), ROWS);
        execute(c, rowSql, records.subList(chunked, records.size()), 1);
    }

    /** Writes one record inside the caller's transaction, with the same one-row statement the batches use. */
    public void insert(Connection c, T record) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(rowSql)) {
            binder.bind(s, 1, record);
            s.executeUpdate();
        }
    }

    private void execute(Connection c, String sql, List<T> records, int perStatement) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, records, perStatement);
            s.executeBatch();
        }
    }

    private void bind(PreparedStatement s, List<T> records, int perStatement) throws SQLException {
        for (int i = 0; i < records.size(); i++) {
            int slot = i % perStatement;
            binder.bind(s, slot * columns + 1, records.get(i));
            if (slot == perStatement - 1) {
                s.addBatch();
            }
        }
    }
}
