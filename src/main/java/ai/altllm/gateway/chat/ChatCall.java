package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.routing.Router;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * One validated chat request and the deployments planned for it, sent to one at a time. Used by a single relay, whose
 * callbacks never overlap, so the attempt counter needs no locking.
 */
final class ChatCall {

    /** One planned deployment, with the provider and protocol that serve it. */
    record Attempt(Deployment deployment, ProviderConfig provider, ChatUpstream upstream) {
    }

    /** Null for a model with a single deployment: with nowhere else to go, its circuit never cuts it off. */
    private final Router router;
    private final List<Attempt> attempts;
    private volatile JsonObject request;
    private final ToolLoop tools;
    private final String quotedModel;
    private final boolean includeUsage;
    private final Settlement settlement;
    private final Metrics metrics;
    private int current;

    /**
     * @param request the upstream request except for {@code model}
     * @param quotedModel the public model id as a JSON string, spliced into every answer
     * @param includeUsage whether the client asked for the usage chunk
     */
    ChatCall(Router router, List<Attempt> attempts, JsonObject request, String quotedModel, boolean includeUsage,
            Settlement settlement, Metrics metrics) {
        this(router, attempts, request, null, quotedModel, includeUsage, settlement, metrics);
    }

    /** @param tools the built-in tool rounds, or null when no built-in tools are offered to this request */
    ChatCall(Router router, List<Attempt> attempts, JsonObject request, ToolLoop tools, String quotedModel,
            boolean includeUsage, Settlement settlement, Metrics metrics) {
        this.metrics = metrics;
        this.router = router;
        this.attempts = attempts;
        this.request = request;
        this.tools = tools;
        this.quotedModel = quotedModel;
        this.includeUsage = includeUsage;
        this.settlement = settlement;
    }

    /** The request of the current round as forwarded (before the upstream model is set). */
    JsonObject request() {
        return request;
    }

    /** Null unless built-in tools are offered to this request. */
    ToolLoop tools() {
        return tools;
    }

    /**
     * Runs the built-in calls of a turn and sends the next round with their results; {@code onSent} gets the new
     * exchange. The settlement keeps the finished round's tokens.
     */
    void nextRound(ToolLoop.Turn turn, boolean stream, UpstreamListener listener,
            Consumer<Exchange> onSent) {
        settlement.nextRound(request.toString().length() / 4);
        tools.nextRequest(request, turn).thenAcceptAsync(next -> {
            request = next;
            onSent.accept(send(stream, listener));
        }, tools.continuations()).exceptionally(failure -> {
            // Only a gateway bug gets here; the client must still get an answer rather than wait forever.
            listener.onFailure(ErrorKind.INTERNAL.error("internal_error", "The next model round could not start"));
            return null;
        });
    }

    /**
     * Sends to the current deployment, or the next one whose breaker lets a call start now; if none does (another
     * request holds a half-open probe), the listener hears a 503 at once.
     */
    Exchange send(boolean stream, UpstreamListener listener) {
        while (router != null && current < attempts.size() && !router.tryStart(attempts.get(current).deployment())) {
            current++;
        }
        if (current >= attempts.size()) {
            listener.onFailure(ErrorKind.UNAVAILABLE.error("deployments_unavailable",
                    "Every deployment of this model is failing; retry shortly"));
            return () -> {};
        }
        Attempt attempt = attempts.get(current);
        settlement.deployment(attempt.deployment());
        byte[] body = JSON.createObjectBuilder(request).add("model", attempt.deployment().upstreamModel()).build()
                .toString().getBytes(StandardCharsets.UTF_8);
        return attempt.upstream().send(attempt.provider(), body, stream, listener);
    }

    /**
     * Records a failure of the current deployment and moves to the next one if the failure was the provider's
     * (5xx, timeout, rate limit) and one is left. The caller must not have sent anything to the client yet.
     */
    boolean failover(ApiException failure) {
        boolean providersFault = failure.status() >= 500 || failure.status() == 429;
        if (router == null || current >= attempts.size()) {
            return false;
        }
        Deployment deployment = attempts.get(current).deployment();
        if (!providersFault) {
            router.succeeded(deployment);
            return false;
        }
        router.failed(deployment);
        if (current + 1 >= attempts.size()) {
            return false;
        }
        current++;
        return true;
    }

    /** Counts a failure of the deployment currently called (not the gateway's own "none left" refusal). */
    void upstreamFailed(ApiException failure) {
        if (current < attempts.size()) {
            metrics.upstreamError(attempts.get(current).provider().id(), failure.code());
        }
    }

    void succeeded() {
        if (router != null) {
            router.succeeded(attempts.get(current).deployment());
        }
    }

    /** The client left before the upstream gave a verdict: frees a half-open probe without judging the upstream. */
    void released() {
        if (router != null && current < attempts.size()) {
            router.released(attempts.get(current).deployment());
        }
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
