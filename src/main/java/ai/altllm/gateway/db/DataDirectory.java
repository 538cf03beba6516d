package ai.altllm.gateway.db;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the gateway keeps its files: system property {@code altllm.data.dir}, else environment variable
 * {@code ALTLLM_DATA_DIR}, else {@code ./data}.
 */
public final class DataDirectory {

    static final String PROPERTY = "altllm.data.dir";
    static final String VARIABLE = "ALTLLM_DATA_DIR";

    private DataDirectory() {
    }

    public static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(VARIABLE);
        }
        return Path.of(value == null || value.isBlank() ? "data" : value.trim()).toAbsolutePath().normalize();
    }

    /**
     * The embedded database file (H2 appends {@code .mv.db}); H2 creates it on first start. {@code WRITE_DELAY=0}:
     * H2's default (about a second) keeps committed changes in memory until its background writer stores them, so a
     * {@code kill -9} lost writes the API had already confirmed; with 0 every commit is written to the file before it
     * returns (not fsynced: it survives a process crash, not a power loss, see docs/operations.md).
     */
    public static String embeddedUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("altllm") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
