package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.altllm.gateway.config.DatabaseConfig;
import ai.altllm.gateway.config.Secret;
import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.Pools;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC layer on a real PostgreSQL named by {@code ALTLLM_TEST_PG_URL} (+ {@code _USER}, {@code _PASSWORD}), in a
 * fresh schema that is dropped afterwards. Skipped without the URL, except on CI, where that is a failure.
 */
class PostgresKeyStoreTest extends KeyStoreContract {

    private static HikariDataSource pool;
    private static String schema;

    @BeforeAll
    static void open() throws SQLException {
        String url = System.getenv("ALTLLM_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail("CI is set but ALTLLM_TEST_PG_URL is not: .ci/run must start PostgreSQL and export it");
            }
            assumeTrue(false, "PostgreSQL tests skipped: set ALTLLM_TEST_PG_URL (and ALTLLM_TEST_PG_USER, "
                    + "ALTLLM_TEST_PG_PASSWORD) to a PostgreSQL server to run them");
        }
        schema = "keys_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection setup = DriverManager.getConnection(url, System.getenv("ALTLLM_TEST_PG_USER"),
                System.getenv("ALTLLM_TEST_PG_PASSWORD")); Statement statement = setup.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        pool = Pools.open(config(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema), Path.of("target"));
    }

    private static DatabaseConfig config(String url) {
        String user = System.getenv("ALTLLM_TEST_PG_USER");
        String password = System.getenv("ALTLLM_TEST_PG_PASSWORD");
        return new DatabaseConfig(url, user == null ? "" : user,
                password == null ? Secret.none() : Secret.of(password));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            Jdbc.update(pool, "DROP SCHEMA " + schema + " CASCADE", s -> {
            });
            pool.close();
        }
    }

    @Override
    DataSource dataSource() {
        return pool;
    }
}
