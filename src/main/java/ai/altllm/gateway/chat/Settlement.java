package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.limits.admission.Meter;
import ai.altllm.gateway.limits.admission.Ticket;
import ai.altllm.gateway.usage.UsageEvent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Tracks one request's tokens and timings and publishes its {@link UsageEvent} exactly once. When the provider never
 * reported usage (a stream cut short), tokens are estimated so that no answered request goes unaccounted. As the
 * request's {@link Meter} it says what admission must reserve, and it settles the admission ticket at the end.
 */
final class Settlement implements Meter {

    private final String requestId;
    private final ModelConfig model;
    private final Consumer<UsageEvent> publisher;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile long firstTokenNanos;
    private volatile long promptTokens;
    private volatile long completionTokens;
    private volatile String provider;
    private volatile String deployment;
    private volatile StringBuilder transcript;
    private Runnable beginHook;
    private volatile boolean reported;
    private volatile long chunks;
    /** Tokens of the earlier rounds of a request that ran built-in tools; every round is billed. */
    private volatile long earlierPrompt;
    private volatile long earlierCompletion;
    private final long promptEstimate;
    private final String keyId;
    private final String accountId;
    private long reservedTokens;
    private BigDecimal maxCost = BigDecimal.ZERO;
    private volatile Ticket ticket;

    /** @param promptEstimate prompt tokens to assume if the provider never says: about 4 request bytes per token */
    Settlement(String requestId, String keyId, String accountId, ModelConfig model, long promptEstimate,
            Consumer<UsageEvent> publisher) {
        this.requestId = requestId;
        this.keyId = keyId;
        this.accountId = accountId;
        this.model = model;
        this.promptEstimate = promptEstimate;
        this.publisher = publisher;
        this.provider = model.provider();
        this.deployment = model.provider() + "/" + model.upstreamModel();
    }

    /** The deployment currently serving the request. */
    void deployment(Deployment serving) {
        provider = serving.provider();
        deployment = serving.name();
    }

    /** Runs when the call really begins, i.e. once this settlement is sure to be published. */
    void onBegin(Runnable hook) {
        beginHook = hook;
    }

    void begin() {
        Runnable hook = beginHook;
        if (hook != null) {
            hook.run();
        }
    }

    /** Also keeps the answer's text, for an access log that an operator asked to include it. */
    void capture(StringBuilder text) {
        transcript = text;
    }

    boolean capturing() {
        return transcript != null;
    }

    /** Appends answer text when capturing; called from relay callbacks, read by the access log. */
    void text(String content) {
        StringBuilder text = transcript;
        if (text != null && content != null) {
            synchronized (text) {
                text.append(content);
            }
        }
    }

    /** What admission reserves: tokens against tokens-per-minute, and the most the request may cost. */
    void reserve(long tokens, BigDecimal cost) {
        reservedTokens = tokens;
        maxCost = cost;
    }

    @Override
    public String model() {
        return model.id();
    }

    @Override
    public long reservedTokens() {
        return reservedTokens;
    }

    @Override
    public BigDecimal maxCost() {
        return maxCost;
    }

    /** Takes the admission ticket, to settle exactly once when the work ends. */
    void admitted(Ticket admitted) {
        ticket = admitted;
    }

    void firstToken() {
        if (firstTokenNanos == 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    /** Reads OpenAI's {@code usage} object; absent or partial usage leaves the counts as they were. */
    void usage(JsonObject usage) {
        if (usage == null) {
            return;
        }
        if (usage.get("prompt_tokens") instanceof JsonNumber prompt) {
            promptTokens = prompt.longValue();
        }
        if (usage.get("completion_tokens") instanceof JsonNumber completion) {
            completionTokens = completion.longValue();
            reported = true;
        }
    }

    /**
     * Ends a model round of a request that runs built-in tools: its reported tokens are kept and the next round's
     * usage is added to them. A round that reported none is estimated from its request size, like a cut stream.
     */
    void nextRound(long promptEstimateOfRound) {
        earlierPrompt += promptTokens == 0 ? promptEstimateOfRound : promptTokens;
        earlierCompletion += completionTokens;
        promptTokens = 0;
        completionTokens = 0;
    }

    /** OpenAI's {@code usage} object for all rounds so far, as the client sees it at the end. */
    JsonObject totalUsage() {
        long prompt = earlierPrompt + promptTokens;
        long completion = earlierCompletion + completionTokens;
        return JSON.createObjectBuilder().add("prompt_tokens", prompt)
                .add("completion_tokens", completion).add("total_tokens", prompt + completion).build();
    }

    /** Counts one relayed chunk: about one token each, the estimate used when no usage arrives. */
    void chunk() {
        chunks++;
    }

    /** Publishes the event the first time it is called; later calls (a race between ends) do nothing. */
    void settle(String outcome) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        long first = firstTokenNanos;
        boolean estimated = !reported && chunks > 0;
        long prompt = earlierPrompt + (estimated && promptTokens == 0 ? promptEstimate : promptTokens);
        long completion = estimated ? Math.max(chunks, earlierCompletion) : earlierCompletion + completionTokens;
        BigDecimal cost = cost(model, prompt, completion);
        Ticket admittedTicket = ticket;
        if (admittedTicket != null) {
            admittedTicket.settle(prompt + completion, cost);
        }
        publisher.accept(new UsageEvent(requestId, keyId, accountId, model.id(), provider, prompt, completion,
                cost, estimated, outcome, TimeUnit.NANOSECONDS.toMillis(now - startNanos),
                first == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(first - startNanos), deployment));
    }

    static BigDecimal cost(ModelConfig model, long prompt, long completion) {
        return model.promptPrice().multiply(BigDecimal.valueOf(prompt))
                .add(model.completionPrice().multiply(BigDecimal.valueOf(completion)));
    }
}
