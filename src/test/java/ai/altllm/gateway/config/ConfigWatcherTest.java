package ai.altllm.gateway.config;

import static ai.altllm.gateway.config.ConfigurationReloadTest.config;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

    @TempDir
    Path dir;

    private Path file;
    private final Configuration configuration = new Configuration();
    private final ConfigWatcher watcher = new ConfigWatcher();

    @BeforeEach
    void load() throws IOException {
        file = dir.resolve("altllm.json");
        Files.writeString(file, config(List.of("a"), ""));
        configuration.load(new ConfigLocator(Map.of("altllm.config", file.toString())::get, name -> null, dir),
                Map.<String, String>of()::get);
        watcher.configuration = configuration;
        watcher.file = file;
        watcher.check();
    }

    @Test
    void aChangeIsReloadedOnceTwoPollsReadItAlike() throws IOException {
        Files.writeString(file, config(List.of("a", "b"), ""));
        watcher.check();
        assertFalse(configuration.get().model("b").isPresent(), "a text seen once may be half-written");
        watcher.check();
        assertTrue(configuration.get().model("b").isPresent());
    }

    @Test
    void aFileReplacedByRenameIsSeen() throws IOException {
        Path temp = dir.resolve("altllm.json.tmp");
        Files.writeString(temp, config(List.of("a", "c"), ""));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        watcher.check();
        watcher.check();
        assertTrue(configuration.get().model("c").isPresent());
    }

    @Test
    void aFileStillBeingWrittenIsNotReloadedUntilItSettles() throws IOException {
        String whole = config(List.of("a", "d"), "");
        Files.writeString(file, whole.substring(0, 40));
        watcher.check();
        Files.writeString(file, whole);
        watcher.check();
        assertFalse(configuration.get().model("d").isPresent());
        watcher.check();
        assertTrue(configuration.get().model("d").isPresent());
    }

    @Test
    void aMissingOrBrokenFileKeepsTheConfigurationInForce() throws IOException {
        Files.delete(file);
        watcher.check();
        watcher.check();
        assertTrue(configuration.get().model("a").isPresent());
        Files.writeString(file, "{\"providers\": 1}");
        watcher.check();
        watcher.check();
        assertTrue(configuration.get().model("a").isPresent());
    }
}
