package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolsTest {

    @Test
    void theEmbeddedDatabaseIsCreatedUnderTheDataDirectoryAndMigratedOnce(@TempDir Path dataDir) {
        try (HikariDataSource pool = Pools.open(null, dataDir)) {
            assertEquals(1, count(pool));
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("altllm.mv.db")), "H2 file in the data directory");
        try (HikariDataSource again = Pools.open(null, dataDir)) {
            assertEquals(1, count(again), "a second start applies nothing twice");
        }
    }

    private static int count(HikariDataSource pool) {
        return Jdbc.query(pool, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' "
                + "AND \"success\"", s -> {
                }, row -> row.getInt(1)).get(0);
    }

    @Test
    void dataDirectoryComesFromPropertyThenEnvironmentThenDefault() {
        Map<String, String> none = Map.of();
        assertEquals(Path.of("/srv/p").toAbsolutePath(), DataDirectory.resolve(Map.of(DataDirectory.PROPERTY,
                "/srv/p")::get, Map.of(DataDirectory.VARIABLE, "/srv/e")::get));
        assertEquals(Path.of("/srv/e").toAbsolutePath(), DataDirectory.resolve(none::get,
                Map.of(DataDirectory.VARIABLE, "/srv/e")::get));
        assertEquals(Path.of("data").toAbsolutePath(), DataDirectory.resolve(none::get, none::get));
    }
}
