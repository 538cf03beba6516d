package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSectionTest {

    private static GatewayConfig parse(String database, Map<String, String> env) {
        return new ConfigParser(env::get).parse("test.json", "{\"providers\": {}, \"models\": []"
                + (database == null ? "" : ", \"database\": " + database) + "}");
    }

    private static String error(String database) {
        return assertThrows(ConfigException.class, () -> parse(database, Map.of())).getMessage();
    }

    @Test
    void absentMeansTheEmbeddedDatabase() {
        assertNull(parse(null, Map.of()).database());
    }

    @Test
    void postgresWithCredentialsFromTheEnvironment() {
        DatabaseConfig db = parse("{\"url\": \"jdbc:postgresql://127.0.0.1/gw\", \"user\": \"gw\", "
                + "\"password\": \"${env:DB_PASSWORD}\"}", Map.of("DB_PASSWORD", "s3cret")).database();
        assertEquals("jdbc:postgresql://127.0.0.1/gw", db.url());
        assertTrue(db.isPostgres());
        assertEquals("gw", db.user());
        assertEquals("s3cret", db.password().value().orElseThrow());
        assertFalse(db.toString().contains("s3cret"), "the password never prints");
    }

    @Test
    void errorsNameTheExactField() {
        assertEquals("test.json: database: must be an object", error("\"jdbc:h2:mem:x\""));
        assertEquals("test.json: database.url: is required", error("{}"));
        assertEquals("test.json: database.url: must be a jdbc:postgresql: or jdbc:h2: URL (the drivers the gateway "
                + "ships)", error("{\"url\": \"jdbc:mysql://x/y\"}"));
        assertEquals("test.json: database.user: must be a string", error("{\"url\": \"jdbc:h2:mem:x\", \"user\": 5}"));
        assertEquals("test.json: database.password: environment variable DB_PW is not set",
                error("{\"url\": \"jdbc:h2:mem:x\", \"password\": \"${env:DB_PW}\"}"));
        assertTrue(error("{\"url\": \"jdbc:h2:mem:x\", \"pasword\": \"x\"}")
                .startsWith("test.json: database.pasword: unknown field"));
    }
}
