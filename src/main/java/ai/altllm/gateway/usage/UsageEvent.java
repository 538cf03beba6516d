package ai.altllm.gateway.usage;

import java.math.BigDecimal;

/**
 * What one chat request used and cost, handed to the {@link UsageSink} once it has ended, however it ended.
 *
 * @param keyId the API key that made the request, by id (never the key itself)
 * @param model the public model id
 * @param outcome {@code ok}, {@code failed} or {@code cancelled}
 * @param cost prompt and completion tokens priced from the catalog, in credits
 * @param estimated true when the provider never reported usage (e.g. a stream the client cut short) and the tokens
 *     are the gateway's estimate: one per relayed chunk, about four request bytes per prompt token
 * @param firstTokenMillis time to the first streamed chunk, or -1 when none arrived or the answer was not streamed
 * @param deployment the deployment that served last, as {@code provider/upstream_model}
 */
public record UsageEvent(String requestId, String keyId, String accountId, String model, String provider,
        long promptTokens, long completionTokens,
        BigDecimal cost, boolean estimated, String outcome, long latencyMillis, long firstTokenMillis,
        String deployment) {

    /** An event whose deployment is known only by its provider (records read back from the database). */
    public UsageEvent(String requestId, String keyId, String accountId, String model, String provider,
            long promptTokens, long completionTokens, BigDecimal cost, boolean estimated, String outcome,
            long latencyMillis, long firstTokenMillis) {
        this(requestId, keyId, accountId, model, provider, promptTokens, completionTokens, cost, estimated, outcome,
                latencyMillis, firstTokenMillis, provider);
    }
}
