package ai.altllm.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Finds the one config file: system property {@code altllm.config}, else environment variable
 * {@code ALTLLM_CONFIG}, else {@code server-config/altllm.json} in the working directory, else the built-in default.
 */
public final class ConfigLocator {

    static final String PROPERTY = "altllm.config";
    static final String VARIABLE = "ALTLLM_CONFIG";
    static final Path LOCAL_FILE = Path.of("server-config", "altllm.json");
    static final String BUILT_IN = "altllm.json";

    /** A config file's name (for messages), its text, and its path ({@code null} for the built-in copy). */
    public record Located(String name, String text, Path path) {
    }

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Path workingDirectory;

    public ConfigLocator(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDirectory) {
        this.properties = properties;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    public static ConfigLocator ofThisProcess() {
        return new ConfigLocator(System::getProperty, System::getenv, Path.of(""));
    }

    public Located locate() {
        String explicit = nonBlank(properties.apply(PROPERTY));
        String origin = PROPERTY;
        if (explicit == null) {
            explicit = nonBlank(environment.apply(VARIABLE));
            origin = VARIABLE;
        }
        if (explicit != null) {
            Path path = workingDirectory.resolve(explicit);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(path.toString(), "", "file not found (named by " + origin + ")");
            }
            return read(path);
        }
        Path local = workingDirectory.resolve(LOCAL_FILE);
        return Files.isRegularFile(local) ? read(local) : builtIn();
    }

    /** Reads a config file again, e.g. to reload it; a missing or unreadable file is a {@link ConfigException}. */
    public static Located read(Path path) {
        try {
            return new Located(path.toString(), Files.readString(path, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "", "cannot be read: " + e.getMessage());
        }
    }

    private static Located builtIn() {
        try (InputStream in = ConfigLocator.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in configuration missing from the WAR");
            }
            return new Located("built-in default " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
