package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.admission.Metered;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.keys.KeyCheck;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.models.Catalog;
import ai.altllm.gateway.routing.Router;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.tools.BuiltinTools;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.usage.UsageSink;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code POST /v1/chat/completions}. Whether the answer streams is only known from the body, while JAX-RS fixes
 * streaming ({@code SseEventSink}) or not ({@code AsyncResponse}) per method: so this locator reads and checks the
 * body, then hands the request to the sub-resource that answers the chosen way.
 */
@Path("v1/chat")
@ApplicationScoped
public class ChatResource {

    @Inject
    Configuration configuration;

    @Inject
    Catalog catalog;

    @Inject
    @Any
    Instance<ChatUpstream> upstreamBeans;

    @Inject
    UsageSink usage;

    @Inject
    KeyCheck keys;

    @Inject
    Caller caller;

    @Inject
    ClientWriters writers;

    @Inject
    Metrics metrics;

    @Inject
    Drain drain;

    @Inject
    BuiltinTools builtinTools;

    /** One per application, so circuit state is shared by all requests: 3 failures in a row open for 30 s. */
    private final Router router = new Router(3, Duration.ofSeconds(30), new Random(), System::nanoTime);
    private List<ChatUpstream> upstreams;

    /** Looked up once: resolving CDI instances on every request would sit on the hot path. */
    @PostConstruct
    void resolveUpstreams() {
        upstreams = upstreamBeans.stream().toList();
        metrics.breakers(router::states);
    }

    @Path("completions")
    public ChatReply completions(@Context HttpServletRequest request, @Context UriInfo uri) throws IOException {
        String path = uri.getPath();
        if (!path.endsWith("chat/completions") && !path.endsWith("chat/completions/")) {
            throw new NotFoundException();
        }
        if (!"POST".equals(request.getMethod())) {
            throw new NotAllowedException("POST");
        }
        String contentType = request.getContentType();
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType))) {
            throw new NotSupportedException();
        }
        AccessRecord record = AccessRecord.of(request);
        record.chat(null);
        // This locator runs before JAX-RS's post-matching filters: authenticate here, before reading the body.
        ApiKey key = keys.authenticate(request);
        record.caller(key.id(), key.accountId());
        JsonObject body = RequestBody.read(request.getInputStream(), request.getContentLengthLong(),
                configuration.get().maxRequestBytes());
        long bytes = request.getContentLengthLong() >= 0 ? request.getContentLengthLong() : body.toString().length();
        ChatCall call = prepare(body, record, bytes);
        // Admission (rate limits, credits) runs next, as a post-matching filter, and reads what to reserve here.
        request.setAttribute(Metered.PROPERTY, call.settlement());
        return body.getBoolean("stream", false) ? new StreamReply(call, writers, drain) : new JsonReply(call, drain);
    }

    /** @param bytes the body's size: a prompt has fewer tokens than bytes, and about a quarter as many */
    private ChatCall prepare(JsonObject body, AccessRecord record, long bytes) {
        if (!(body.get("model") instanceof JsonString modelId) || modelId.getString().isEmpty()) {
            throw ApiException.invalid("model", "model is required");
        }
        // One configuration for the whole request: a reload must not remove a provider between two lookups.
        GatewayConfig config = configuration.get();
        ModelConfig model = catalog.model(config, modelId.getString());
        record.chat(model.id());
        caller.requireModel(model.id());
        if (model.supports("video")) {
            throw ApiException.invalid("model", "'" + model.id() + "' is a video model; create a task at "
                    + "/v1/contents/generations/tasks instead");
        }
        ChatValidator.check(body, model.supports("json_mode"), outputLimit(model), model.extraParams());
        List<Deployment> usable = usable(config, model);
        boolean routed = usable.size() > 1;
        List<ChatCall.Attempt> attempts = new ArrayList<>();
        for (Deployment deployment : routed ? router.plan(usable) : usable) {
            ProviderConfig provider = config.provider(deployment.provider());
            attempts.add(new ChatCall.Attempt(deployment, provider, upstreamFor(provider)));
        }
        if (attempts.isEmpty()) {
            throw new ApiException(503, "service_unavailable", "deployments_unavailable", null, "Every deployment of "
                    + "the model '" + model.id() + "' is failing; retry shortly");
        }
        boolean stream = body.getBoolean("stream", false);
        JsonObject options = body.get("stream_options") instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT;
        JsonObjectBuilder upstreamBody = JSON.createObjectBuilder(body).remove(BuiltinTools.REQUEST_FIELD);
        JsonArray builtins = builtinTools.offerFor(body, model, caller.keyId());
        ToolLoop tools = null;
        if (!builtins.isEmpty()) {
            upstreamBody.add("tools", ToolLoop.withBuiltins(body, builtins));
            tools = new ToolLoop(builtinTools, config.tools().maxRounds(),
                    body.get(BuiltinTools.REQUEST_FIELD) instanceof JsonString s && "show".equals(s.getString()));
        }
        if (stream) {
            // Always asked for, so every stream can be billed; stripped again unless the client asked too.
            upstreamBody.add("stream_options", JSON.createObjectBuilder(options).add("include_usage", true));
        }
        Settlement settlement = new Settlement(record.requestId(), caller.keyId(), caller.accountId(), model,
                bytes / 4, event -> {
                    record.settled(event);
                    usage.accept(event);
                });
        if (config.operations().contentAccounts().contains(caller.accountId())) {
            settlement.capture(record.capture(String.valueOf(body.get("messages"))));
        }
        settlement.onBegin(record::expectUsage);
        long output = maxOutput(body, model, config.credits().defaultMaxOutputTokens());
        // Each built-in tool round is another model call with at least the same prompt: reserve for all of them.
        long rounds = tools == null ? 1 : Math.max(1, config.tools().maxRounds());
        // Tokens per minute take the estimate (corrected at the end); credits take a bound, so no balance is overshot.
        // Exact: an overflow here would reserve a negative amount, i.e. credit the caller.
        settlement.reserve(Math.multiplyExact(Math.addExact(bytes / 4, output), rounds),
                Settlement.cost(model, bytes, output).multiply(BigDecimal.valueOf(rounds)));
        return new ChatCall(routed ? router : null, attempts, upstreamBody.build(), tools, Chunks.quoted(model.id()),
                options.getBoolean("include_usage", false), settlement, metrics);
    }

    /**
     * The most output the request can produce: {@code max_completion_tokens} or {@code max_tokens}, else the model's
     * {@code max_output_length}, else the configured default; times {@code n}.
     */
    static long maxOutput(JsonObject body, ModelConfig model, long fallback) {
        long perChoice = body.get("max_completion_tokens") instanceof JsonNumber n ? n.longValueExact()
                : body.get("max_tokens") instanceof JsonNumber m ? m.longValueExact()
                : model.publicView().get("max_output_length") instanceof JsonNumber l && l.longValue() > 0
                        ? l.longValue() : fallback;
        long choices = body.get("n") instanceof JsonNumber n ? Math.max(1, n.longValueExact()) : 1;
        return Math.multiplyExact(Math.min(perChoice, 1L << 32), Math.min(choices, 1024));
    }

    /** The most {@code max_tokens} may be: the catalog's {@code max_output_length}, else the gateway's ceiling. */
    static long outputLimit(ModelConfig model) {
        return model.publicView().get("max_output_length") instanceof JsonNumber l && l.longValue() > 0
                ? l.longValue() : ChatValidator.OUTPUT_CEILING;
    }

    /** Deployments whose provider has its key and speaks chat; if none, a 503 naming the variable to set. */
    private List<Deployment> usable(GatewayConfig config, ModelConfig model) {
        List<Deployment> usable = new ArrayList<>();
        for (Deployment deployment : model.deployments()) {
            ProviderConfig provider = config.provider(deployment.provider());
            if (provider.apiKey().isPresent() && upstreamFor(provider) != null) {
                usable.add(deployment);
            }
        }
        if (usable.isEmpty()) {
            ProviderConfig first = config.provider(model.provider());
            String variable = first.apiKey().missingVariable().orElse("the api_key of provider " + first.id());
            throw new ApiException(503, "service_unavailable", "provider_not_configured", null, "The model '"
                    + model.id() + "' is not available: the gateway operator must set the environment variable "
                    + variable);
        }
        return usable;
    }

    private ChatUpstream upstreamFor(ProviderConfig provider) {
        return upstreams.stream().filter(u -> u.speaks(provider.type())).findFirst().orElse(null);
    }
}
