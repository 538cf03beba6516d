package ai.altllm.gateway.keys;

import ai.altllm.gateway.config.DatabaseConfig;
import ai.altllm.gateway.config.Secret;
import ai.altllm.gateway.db.Pools;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC layer on H2, the embedded default. */
class H2KeyStoreTest extends KeyStoreContract {

    private static HikariDataSource pool;

    @BeforeAll
    static void open() {
        pool = Pools.open(new DatabaseConfig("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "",
                Secret.none()), Path.of("target"));
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
