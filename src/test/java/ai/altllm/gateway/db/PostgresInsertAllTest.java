package ai.altllm.gateway.db;

import ai.altllm.gateway.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same multi-row inserts on PostgreSQL (skipped without {@code ALTLLM_TEST_PG_URL}, except on CI). */
class PostgresInsertAllTest extends InsertAllTest {

    private static HikariDataSource postgres;

    @BeforeAll
    static void openPostgres() throws SQLException {
        postgres = TestPostgres.open("insert_all_test_");
    }

    @AfterAll
    static void closePostgres() {
        TestPostgres.close(postgres);
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
