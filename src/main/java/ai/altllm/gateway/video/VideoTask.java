package ai.altllm.gateway.video;

import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One persisted video task: who made it, what was asked, what the provider last said, and where its credits stand.
 *
 * @param upstreamId the provider's job id, {@code null} until the provider accepted the job
 * @param chargedCredits what was finally charged, {@code null} while credits are only reserved
 * @param refreshedAt when the provider was last asked, for the poll cache
 */
public record VideoTask(String id, String keyId, String accountId, String model, String provider, String upstreamId,
        String prompt, int durationSeconds, String resolution, VideoStatus status, Integer progress, String videoUrl,
        String error, BigDecimal estimatedCredits, BigDecimal chargedCredits, CreditState creditState,
        Instant createdAt, Instant updatedAt, Instant refreshedAt) {

    /** Where a task's credits stand; moves from RESERVED to one of the others exactly once. */
    public enum CreditState {
        RESERVED, SETTLED, REFUNDED
    }

    /** The provider's view of this task's job. */
    public VideoJob job() {
        return new VideoJob(upstreamId, status, progress, videoUrl, error);
    }
}
