package ai.altllm.gateway.chat;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.routing.CircuitBreaker;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One validated chat request and the deployments planned for it, sent to one at a time. Used by a single relay, whose
 * callbacks never overlap, so the attempt counter needs no locking.
 */
final class ChatCall {

    /** One planned deployment: where to send, under which model name, and whose health it reports to. */
    record Attempt(ChatUpstream upstream, ProviderConfig provider, String upstreamModel, CircuitBreaker breaker) {
    }

    private final List<Attempt> attempts;
    private final JsonObject request;
    private final String quotedModel;
    private final boolean includeUsage;
    private final Settlement settlement;
    private int current;

    /**
     * @param request the upstream request except for {@code model}
     * @param quotedModel the public model id as a JSON string, spliced into every answer
     * @param includeUsage whether the client asked for the usage chunk
     */
    ChatCall(List<Attempt> attempts, JsonObject request, String quotedModel, boolean includeUsage,
            Settlement settlement) {
        this.attempts = attempts;
        this.request = request;
        this.quotedModel = quotedModel;
        this.includeUsage = includeUsage;
        this.settlement = settlement;
    }

    Exchange send(boolean stream, UpstreamListener listener) {
        Attempt attempt = attempts.get(current);
        settlement.provider(attempt.provider().id());
        byte[] body = Json.createObjectBuilder(request).add("model", attempt.upstreamModel()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return attempt.upstream().send(attempt.provider(), body, stream, listener);
    }

    /**
     * Records a failure of the current deployment and moves to the next one if the failure was the provider's
     * (5xx, timeout, rate limit) and one is left. The caller must not have sent anything to the client yet.
     */
    boolean failover(ApiException failure) {
        boolean providersFault = failure.status() >= 500 || failure.status() == 429;
        if (!providersFault) {
            attempts.get(current).breaker().success();
            return false;
        }
        attempts.get(current).breaker().failure();
        if (current + 1 >= attempts.size()) {
            return false;
        }
        current++;
        return true;
    }

    void succeeded() {
        attempts.get(current).breaker().success();
    }

    String quotedModel() {
        return quotedModel;
    }

    boolean includeUsage() {
        return includeUsage;
    }

    Settlement settlement() {
        return settlement;
    }
}
