package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {

    @TempDir
    Path dir;

    private ConfigLocator locator(Map<String, String> properties, Map<String, String> env) {
        return new ConfigLocator(properties::get, env::get, dir);
    }

    @Test
    void systemPropertyWinsOverEnvironment() throws IOException {
        Files.writeString(dir.resolve("a.json"), "A");
        Files.writeString(dir.resolve("b.json"), "B");
        var located = locator(Map.of("altllm.config", "a.json"), Map.of("ALTLLM_CONFIG", "b.json")).locate();
        assertEquals("A", located.text());
        assertEquals("B", locator(Map.of(), Map.of("ALTLLM_CONFIG", "b.json")).locate().text());
    }

    @Test
    void namedFileThatIsMissingFailsWithItsName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> locator(Map.of(), Map.of("ALTLLM_CONFIG", "gone.json")).locate());
        assertEquals(dir.resolve("gone.json") + ": file not found (named by ALTLLM_CONFIG)", e.getMessage());
    }

    @Test
    void localServerConfigFileComesBeforeTheBuiltInDefault() throws IOException {
        Files.createDirectories(dir.resolve("server-config"));
        Files.writeString(dir.resolve("server-config/altllm.json"), "LOCAL");
        assertEquals("LOCAL", locator(Map.of(), Map.of()).locate().text());
    }

    @Test
    void builtInDefaultIsTheShippedFile() throws IOException {
        var located = locator(Map.of(), Map.of()).locate();
        assertTrue(located.name().startsWith("built-in default"));
        assertEquals(Files.readString(Path.of("server-config/altllm.json")), located.text());
    }
}
