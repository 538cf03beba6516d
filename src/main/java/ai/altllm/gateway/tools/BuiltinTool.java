package ai.altllm.gateway.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.CompletionStage;

/**
 * A tool the gateway executes itself when a model calls it. Implementations are {@code @ApplicationScoped} CDI beans,
 * discovered at startup; {@link #execute} must never block (do I/O through the non-blocking clients of
 * {@code upstream}).
 */
public interface BuiltinTool {

    /** The function name models call, {@code ^[a-zA-Z0-9_-]{1,64}$}, unique among built-in tools. */
    String name();

    /** What the tool does, written for a model deciding whether to call it. */
    String description();

    /** The JSON Schema of the arguments object. */
    JsonObject parameters();

    /** False when the tool cannot work here (e.g. its data source is not configured); it is then never offered. */
    boolean available();

    /**
     * Runs the tool. A failed stage (or an exception) becomes an {@code {"error": message}} result for the model, so
     * messages must make sense to an end user and must not reveal secrets.
     */
    CompletionStage<JsonValue> execute(JsonObject arguments);
}
