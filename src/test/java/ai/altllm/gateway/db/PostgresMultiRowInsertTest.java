package ai.altllm.gateway.db;

import ai.altllm.gateway.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same {@link MultiRowInsert}s on PostgreSQL (skipped without {@code ALTLLM_TEST_PG_URL}, except on CI). */
@ExtendWith(TestPostgres.Required.class)
class PostgresMultiRowInsertTest extends MultiRowInsertTest {

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
