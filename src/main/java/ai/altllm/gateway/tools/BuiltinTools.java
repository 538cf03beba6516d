package ai.altllm.gateway.tools;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ToolsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The built-in tools available here, found at startup and on each reload, and the one place that runs them. */
@ApplicationScoped
public class BuiltinTools {

    /** The request field (a gateway extension) that turns built-in tools off for one request. */
    public static final String REQUEST_FIELD = "builtin_tools";
    private static final Logger LOG = System.getLogger(BuiltinTools.class.getName());
    /** A backstop over the tools' own timeouts, so a tool that never completes cannot hang a chat. */
    private static final long RUN_TIMEOUT_MS = 15_000;

    @Inject
    @Any
    Instance<BuiltinTool> beans;

    @Inject
    Configuration configuration;

    /** Where the next model round starts once a round's tools are done (see {@link #continuations()}). */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** The tools by name and their definitions, swapped together on reload. */
    private record Available(Map<String, BuiltinTool> tools, JsonArray definitions) {
    }

    private volatile Available available = new Available(Map.of(), JsonValue.EMPTY_JSON_ARRAY);

    /** After the tools' own observers (the market data source), which decide what is available. */
    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS)
                   @Priority(Interceptor.Priority.APPLICATION + 800) ConfigReload reload) {
        discover();
    }

    @PostConstruct
    void discover() {
        Map<String, BuiltinTool> tools = new LinkedHashMap<>();
        beans.stream().filter(BuiltinTool::available).sorted(Comparator.comparing(BuiltinTool::name))
                .forEach(tool -> tools.put(tool.name(), tool));
        JsonArrayBuilder array = JSON.createArrayBuilder();
        tools.values().forEach(tool -> array.add(JSON.createObjectBuilder().add("type", "function")
                .add("function", JSON.createObjectBuilder().add("name", tool.name())
                        .add("description", tool.description()).add("parameters", tool.parameters()))));
        Available previous = available;
        available = new Available(tools, array.build());
        if (!tools.isEmpty() && !tools.keySet().equals(previous.tools().keySet())) {
            LOG.log(Level.INFO, "Built-in tools: {0}", String.join(", ", tools.keySet()));
        }
    }

    /**
     * Runs what follows a tool round. Tool results arrive on an HTTP client callback thread, and a new upstream call
     * must not be started from inside another exchange's callback: this hands it to the server's managed executor,
     * whose task only starts the non-blocking call and returns.
     */
    public Executor continuations() {
        return executor;
    }

    public boolean isEmpty() {
        return available.tools().isEmpty();
    }

    public boolean has(String name) {
        return available.tools().containsKey(name);
    }

    /** Every available tool in OpenAI's {@code tools} shape: {@code {"type":"function","function":{...}}}. */
    public JsonArray definitions() {
        return available.definitions();
    }

    public ToolsConfig config() {
        return configuration.get().tools();
    }

    /** The built-in tools to add to one chat request, or an empty array: see {@link ToolOffer}. */
    public JsonArray offerFor(JsonObject request, ModelConfig model, String keyId) {
        Available now = available;
        return now.tools().isEmpty() ? JsonValue.EMPTY_JSON_ARRAY
                : ToolOffer.offer(request, model, keyId, config(), now.definitions());
    }

    /**
     * Runs a tool on the model's arguments (a JSON text) and completes with the result text for the model; never
     * completes exceptionally: bad arguments, failures and timeouts become {@code {"error": "..."}}.
     */
    public CompletionStage<String> run(String name, String arguments) {
        BuiltinTool tool = available.tools().get(name);
        if (tool == null) {
            return CompletableFuture.completedFuture(error("there is no built-in tool named " + name));
        }
        JsonObject args;
        try (JsonReader reader = JSON.createReader(new StringReader(arguments == null || arguments.isBlank() ? "{}"
                : arguments))) {
            args = reader.readValue() instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            args = null;
        }
        if (args == null) {
            return CompletableFuture.completedFuture(error("the arguments must be a JSON object"));
        }
        CompletableFuture<JsonValue> running;
        try {
            running = tool.execute(args).toCompletableFuture();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        return running.orTimeout(RUN_TIMEOUT_MS, TimeUnit.MILLISECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value.toString();
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ToolFailure || cause instanceof IllegalStateException) {
                return error(cause.getMessage());
            }
            if (cause instanceof TimeoutException) {
                return error("the tool did not finish in time");
            }
            LOG.log(Level.WARNING, "Built-in tool " + name + " failed", cause);
            return error("the tool failed unexpectedly");
        });
    }

    private static String error(String message) {
        return JSON.createObjectBuilder().add("error", message).build().toString();
    }
}
