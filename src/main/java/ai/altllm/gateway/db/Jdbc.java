package ai.altllm.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: one statement per call, connections always returned to the pool, failures unchecked. */
public final class Jdbc {

    /** Sets the parameters of a statement. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Sets one record's columns, from parameter {@code first} on (a {@link MultiRowInsert} holds several records). */
    public interface Columns<T> {
        void bind(PreparedStatement statement, int first, T record) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if anything throws. */
    public static <T> T transaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public static <T> List<T> query(DataSource dataSource, String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public static int update(DataSource dataSource, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Runs one statement for many parameter sets in a single round trip and transaction. */
    public static void batch(DataSource dataSource, String sql, List<Binder> rows) {
        transaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Binder row : rows) {
                    row.bind(s);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
