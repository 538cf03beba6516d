package ai.altllm.gateway.keys;

import ai.altllm.gateway.testsupport.TestH2;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC layer on H2, the embedded default. */
class H2KeyStoreTest extends KeyStoreContract {

    private static HikariDataSource pool;

    @BeforeAll
    static void open() {
        pool = TestH2.open("keys-");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    DataSource dataSource() {
        return pool;
    }
}
