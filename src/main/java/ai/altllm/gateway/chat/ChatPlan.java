package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.models.Catalog;
import ai.altllm.gateway.routing.Router;
import ai.altllm.gateway.tools.BuiltinTools;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.usage.UsageSink;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a chat body into a {@link ChatCall}: the model and the caller's right to it, the checked parameters, the
 * deployments to try, built-in tools, and what admission must reserve. Nothing is sent and nothing is held yet.
 */
@ApplicationScoped
public class ChatPlan {

    @Inject
    Configuration configuration;

    @Inject
    Catalog catalog;

    @Inject
    @Any
    Instance<ChatUpstream> upstreamBeans;

    @Inject
    Router router;

    @Inject
    UsageSink usage;

    @Inject
    Caller caller;

    @Inject
    Metrics metrics;

    @Inject
    BuiltinTools builtinTools;

    private List<ChatUpstream> upstreams;

    /** Looked up once: resolving CDI instances on every request would sit on the hot path. */
    @PostConstruct
    void resolveUpstreams() {
        upstreams = upstreamBeans.stream().toList();
        metrics.breakers(router::states);
    }

    ChatCall prepare(ChatBody request, AccessRecord record) {
        JsonObject body = request.json();
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
        ChatValidator.check(body, model.supports("json_mode"), ChatLimits.output(model), model.extraParams());
        List<ChatCall.Attempt> attempts = attempts(config, model);
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
        Settlement settlement = settlement(config, model, record, request.bytes(), body);
        long output = ChatLimits.maxOutput(body, model, config.credits().defaultMaxOutputTokens());
        // Each built-in tool round is another model call with at least the same prompt: reserve for all of them.
        long rounds = tools == null ? 1 : Math.max(1, config.tools().maxRounds());
        // Tokens per minute take the estimate (corrected at the end); credits take a bound, so no balance is overshot.
        // Exact: an overflow here would reserve a negative amount, i.e. credit the caller.
        settlement.reserve(Math.multiplyExact(Math.addExact(request.bytes() / 4, output), rounds),
                Settlement.cost(model, request.bytes(), output).multiply(BigDecimal.valueOf(rounds)));
        return new ChatCall(attempts.size() > 1 ? router : null, attempts, upstreamBody.build(), tools,
                Chunks.quoted(model.id()), options.getBoolean("include_usage", false), settlement, metrics);
    }

    private Settlement settlement(GatewayConfig config, ModelConfig model, AccessRecord record, long bytes,
            JsonObject body) {
        Settlement settlement = new Settlement(record.requestId(), caller.keyId(), caller.accountId(), model,
                bytes / 4, event -> {
                    record.settled(event);
                    usage.accept(event);
                });
        if (config.operations().contentAccounts().contains(caller.accountId())) {
            settlement.capture(record.capture(String.valueOf(body.get("messages"))));
        }
        settlement.onBegin(record::expectUsage);
        return settlement;
    }

    /** The deployments to try in order (a weighted pick, then one failover), or 503 when none can be tried. */
    private List<ChatCall.Attempt> attempts(GatewayConfig config, ModelConfig model) {
        List<Deployment> usable = usable(config, model);
        List<ChatCall.Attempt> attempts = new ArrayList<>();
        for (Deployment deployment : usable.size() > 1 ? router.plan(usable) : usable) {
            ProviderConfig provider = config.provider(deployment.provider());
            attempts.add(new ChatCall.Attempt(deployment, provider, upstreamFor(provider)));
        }
        if (attempts.isEmpty()) {
            throw ErrorKind.UNAVAILABLE.error("deployments_unavailable", "Every deployment of the model '"
                    + model.id() + "' is failing; retry shortly");
        }
        return attempts;
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
            throw ErrorKind.UNAVAILABLE.error("provider_not_configured", "The model '"
                    + model.id() + "' is not available: the gateway operator must set the environment variable "
                    + variable);
        }
        return usable;
    }

    private ChatUpstream upstreamFor(ProviderConfig provider) {
        return upstreams.stream().filter(u -> u.speaks(provider.type())).findFirst().orElse(null);
    }
}
