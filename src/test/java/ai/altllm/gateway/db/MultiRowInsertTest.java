package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.testsupport.TestH2;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link MultiRowInsert} on H2 (and, in {@link PostgresMultiRowInsertTest}, on PostgreSQL). */
class MultiRowInsertTest {

    private static HikariDataSource pool;

    record Entry(int n, String text, BigDecimal amount) {
    }

    @BeforeAll
    static void open() {
        pool = TestH2.open("insert-");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    DataSource dataSource() {
        return pool;
    }

    /** Sizes around the chunk: fewer than a chunk, exactly one, several plus a remainder. */
    @Test
    void writesEveryRecordWithItsOwnValuesWhateverTheBatchSize() {
        Jdbc.update(dataSource(), "CREATE TABLE insert_all_test (n INTEGER PRIMARY KEY, label VARCHAR(20), "
                + "amount NUMERIC(24, 10))", s -> {});
        MultiRowInsert<Entry> insert = new MultiRowInsert<>("insert_all_test (n, label, amount)", 3, (s, first, e) -> {
            s.setInt(first, e.n());
            s.setString(first + 1, e.text());
            s.setBigDecimal(first + 2, e.amount());
        });
        int next = 0;
        for (int size : new int[] {0, 1, 37, MultiRowInsert.ROWS, MultiRowInsert.ROWS * 5 / 2,
            MultiRowInsert.ROWS * 3}) {
            List<Entry> entries = IntStream.range(next, next + size).mapToObj(n -> new Entry(n,
                    n % 7 == 0 ? null : "row " + n, new BigDecimal(n).movePointLeft(10))).toList();
            insert.insert(dataSource(), entries);
            List<Entry> stored = Jdbc.query(dataSource(), "SELECT n, label, amount FROM insert_all_test WHERE n >= ? "
                    + "ORDER BY n", s -> s.setInt(1, entries.isEmpty() ? Integer.MAX_VALUE : entries.get(0).n()),
                    row -> new Entry(row.getInt(1), row.getString(2), row.getBigDecimal(3)));
            assertEquals(size, stored.size(), "batch of " + size);
            for (int i = 0; i < size; i++) {
                assertEquals(entries.get(i).n(), stored.get(i).n());
                assertEquals(entries.get(i).text(), stored.get(i).text());
                assertEquals(0, entries.get(i).amount().compareTo(stored.get(i).amount()), "row " + i);
            }
            next += size;
        }
    }

    /** A batch that fails part-way (a duplicate key in its last rows) leaves nothing behind. */
    @Test
    void writesAllOrNothing() {
        Jdbc.update(dataSource(), "CREATE TABLE insert_all_atomic (n INTEGER PRIMARY KEY)", s -> {});
        MultiRowInsert<Integer> insert = new MultiRowInsert<>("insert_all_atomic (n)", 1,
                (s, first, n) -> s.setInt(first, n));
        List<Integer> rows = new ArrayList<>(IntStream.range(0, MultiRowInsert.ROWS + 10).boxed().toList());
        rows.add(3);
        assertThrows(StorageException.class, () -> insert.insert(dataSource(), rows));
        assertEquals(List.of(0L), Jdbc.query(dataSource(), "SELECT COUNT(*) FROM insert_all_atomic", s -> {},
                row -> row.getLong(1)));
    }

    /** One record written inside the caller's transaction is kept when it commits and gone when it rolls back. */
    @Test
    void writesOneRecordInTheCallersTransaction() {
        Jdbc.update(dataSource(), "CREATE TABLE insert_one_test (n INTEGER PRIMARY KEY)", s -> {});
        MultiRowInsert<Integer> insert = new MultiRowInsert<>("insert_one_test (n)", 1,
                (s, first, n) -> s.setInt(first, n));
        Jdbc.transaction(dataSource(), c -> {
            insert.insert(c, 7);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> Jdbc.transaction(dataSource(), c -> {
            insert.insert(c, 8);
            throw new IllegalStateException("roll back");
        }));
        assertEquals(List.of(7), Jdbc.query(dataSource(), "SELECT n FROM insert_one_test ORDER BY n", s -> {},
                row -> row.getInt(1)));
    }
}
