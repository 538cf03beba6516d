package ai.altllm.gateway.testsupport;

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

/**
 * A migrated pool on the PostgreSQL named by {@code ALTLLM_TEST_PG_URL} (+ {@code _USER}, {@code _PASSWORD}), in a
 * fresh schema dropped by {@link #close}. Without the URL the calling test is skipped, except on CI, where that fails.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static HikariDataSource open(String schemaPrefix) throws SQLException {
        String url = System.getenv("ALTLLM_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail("CI is set but ALTLLM_TEST_PG_URL is not: .ci/run must start PostgreSQL and export it");
            }
            assumeTrue(false, "PostgreSQL tests skipped: set ALTLLM_TEST_PG_URL (and ALTLLM_TEST_PG_USER, "
                    + "ALTLLM_TEST_PG_PASSWORD) to a PostgreSQL server to run them");
        }
        String schema = schemaPrefix + UUID.randomUUID().toString().replace("-", "");
        String user = System.getenv("ALTLLM_TEST_PG_USER");
        String password = System.getenv("ALTLLM_TEST_PG_PASSWORD");
        try (Connection setup = DriverManager.getConnection(url, user, password);
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return Pools.open(new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user == null ? "" : user, password == null ? Secret.none() : Secret.of(password)), Path.of("target"));
    }

    /** Drops the schema {@link #open} made, then closes the pool; does nothing for a test that was skipped. */
    public static void close(HikariDataSource pool) {
        if (pool != null) {
            String schema = Jdbc.query(pool, "SELECT current_schema()", s -> {
            }, r -> r.getString(1)).get(0);
            Jdbc.update(pool, "DROP SCHEMA " + schema + " CASCADE", s -> {
            });
            pool.close();
        }
    }
}
