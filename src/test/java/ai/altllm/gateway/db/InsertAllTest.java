package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.altllm.gateway.testsupport.TestH2;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Multi-row inserts on H2 (and, in {@link PostgresInsertAllTest}, on PostgreSQL). */
class InsertAllTest {

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

    @Test
    void writesEveryRecordAcrossChunksWithItsOwnValues() {
        Jdbc.update(dataSource(), "CREATE TABLE insert_all_test (n INTEGER PRIMARY KEY, label VARCHAR(20), "
                + "amount NUMERIC(24, 10))", s -> { });
        // 2.5 chunks: full statements and a shorter last one.
        List<Entry> entries = IntStream.range(0, Jdbc.ROWS_PER_INSERT * 5 / 2)
                .mapToObj(n -> new Entry(n, n % 7 == 0 ? null : "row " + n, new BigDecimal(n).movePointLeft(10)))
                .toList();
        Jdbc.insertAll(dataSource(), "insert_all_test (n, label, amount)", 3, entries, (s, first, e) -> {
            s.setInt(first, e.n());
            s.setString(first + 1, e.text());
            s.setBigDecimal(first + 2, e.amount());
        });
        Jdbc.insertAll(dataSource(), "insert_all_test (n, label, amount)", 3, List.<Entry>of(), (s, first, e) -> {
            throw new AssertionError("nothing to bind");
        });
        List<Entry> stored = Jdbc.query(dataSource(), "SELECT n, label, amount FROM insert_all_test ORDER BY n",
                s -> { }, row -> new Entry(row.getInt(1), row.getString(2), row.getBigDecimal(3)));
        assertEquals(entries.size(), stored.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).text(), stored.get(i).text());
            assertEquals(0, entries.get(i).amount().compareTo(stored.get(i).amount()), "row " + i);
        }
    }
}
