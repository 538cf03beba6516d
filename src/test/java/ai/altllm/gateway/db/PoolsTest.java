package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolsTest {

    @Test
    void theEmbeddedDatabaseIsCreatedUnderTheDataDirectoryAndMigratedOnce(@TempDir Path dataDir) throws IOException {
        long scripts;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertTrue(scripts >= 2, "accounts/keys and passwords at least");
        try (HikariDataSource pool = Pools.open(null, dataDir)) {
            assertEquals(scripts, count(pool), "every migration script applied");
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("altllm.mv.db")), "H2 file in the data directory");
        try (HikariDataSource again = Pools.open(null, dataDir)) {
            assertEquals(scripts, count(again), "a second start applies nothing twice");
        }
    }

    private static int count(HikariDataSource pool) {
        return Jdbc.query(pool, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' "
                + "AND \"success\"", s -> {}, row -> row.getInt(1)).get(0);
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
