package ai.altllm.gateway.video;

import java.math.BigDecimal;

/**
 * The credits ledger as video tasks need it. The task row decides that {@link #settle} or {@link #refund} runs once
 * per task, however many polls race; implementations should still treat {@code taskId} as an idempotency reference.
 */
public interface VideoCredits {

    /** Credits held for one task, and by whom. */
    record Hold(String taskId, String keyId, String accountId, BigDecimal amount) {
    }

    /**
     * Holds the estimate before the provider is called; throws an {@link ai.altllm.gateway.errors.ApiException}
     * (402 {@code insufficient_quota}) when the caller cannot cover it, and then nothing is held.
     */
    void reserve(Hold hold);

    /** The task succeeded: charge {@code charged} and release the rest of the hold. */
    void settle(Hold hold, BigDecimal charged);

    /** The task failed, was cancelled or expired: release the whole hold. */
    void refund(Hold hold);
}
