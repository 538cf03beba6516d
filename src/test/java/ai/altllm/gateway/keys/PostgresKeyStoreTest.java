package ai.altllm.gateway.keys;

import ai.altllm.gateway.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDBC layer on a real PostgreSQL named by {@code ALTLLM_TEST_PG_URL} (+ {@code _USER}, {@code _PASSWORD}), in a
 * fresh schema that is dropped afterwards. Skipped without the URL, except on CI, where that is a failure.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresKeyStoreTest extends KeyStoreContract {

    private static HikariDataSource pool;

    @BeforeAll
    static void open() throws SQLException {
        pool = TestPostgres.open("keys_test_");
    }

    @AfterAll
    static void close() {
        TestPostgres.close(pool);
    }

    @Override
    DataSource dataSource() {
        return pool;
    }
}
