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
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated pool on the PostgreSQL named by {@code ALTLLM_TEST_PG_URL} (+ {@code _USER}, {@code _PASSWORD}), in a
 * fresh schema dropped by {@link #close}. Without the URL {@link #open} gives null and {@link Required} skips each test
 * of the class (so the report says "Skipped: N", not "Tests run: 0"), except on CI, where that fails.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** Skips each test of a class that needs PostgreSQL when none is configured (before any of its own set-up). */
    public static final class Required implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            assumeTrue(configured(), SKIPPED);
        }
    }

    /**
     * For the ITs the build runs a second time on PostgreSQL (failsafe's postgres-it, {@code it.database=postgres}):
     * skips the class, before its server starts, when no PostgreSQL is configured.
     */
    public static final class RequiredForIt implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return !"postgres".equals(System.getProperty("it.database")) || configured()
                    ? ConditionEvaluationResult.enabled("runs on the configured database")
                    : ConditionEvaluationResult.disabled(SKIPPED);
        }
    }

    public static final String SKIPPED = "no PostgreSQL configured: set ALTLLM_TEST_PG_URL (and ALTLLM_TEST_PG_USER, "
            + "ALTLLM_TEST_PG_PASSWORD)";

    private static boolean configured() {
        String url = System.getenv("ALTLLM_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail("CI is set but ALTLLM_TEST_PG_URL is not: .ci/run must start PostgreSQL and export it");
            }
            return false;
        }
        return true;
    }

    /** The pool, or null when no PostgreSQL is configured (the class's tests are then skipped by {@link Required}). */
    public static HikariDataSource open(String schemaPrefix) throws SQLException {
        if (!configured()) {
            return null;
        }
        String url = System.getenv("ALTLLM_TEST_PG_URL");
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
            String schema = Jdbc.query(pool, "SELECT current_schema()", s -> {}, r -> r.getString(1)).get(0);
            Jdbc.update(pool, "DROP SCHEMA " + schema + " CASCADE", s -> {});
            pool.close();
        }
    }
}
