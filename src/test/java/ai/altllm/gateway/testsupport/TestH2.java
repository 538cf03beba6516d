package ai.altllm.gateway.testsupport;

import ai.altllm.gateway.config.DatabaseConfig;
import ai.altllm.gateway.config.Secret;
import ai.altllm.gateway.db.Pools;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;

/** A migrated pool on a fresh in-memory H2 database of its own, the embedded twin of {@link TestPostgres}. */
public final class TestH2 {

    private TestH2() {
    }

    public static HikariDataSource open(String namePrefix) {
        return Pools.open(new DatabaseConfig("jdbc:h2:mem:" + namePrefix + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "", Secret.none()), Path.of("target"));
    }
}
