package ai.altllm.gateway.video;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.upstream.VideoStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;

/** A task in its wire shape; the provider, its job id and its storage URL never appear. */
public final class TaskJson {

    private TaskJson() {
    }

    /**
     * @param token the task's status token, or {@code null} where the caller has no use for it (the portal)
     * @param contentUrl where the finished video can be downloaded through the gateway
     */
    public static JsonObject of(VideoTask t, String token, String contentUrl) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("object", "video.task").add("id", t.id());
        if (token != null) {
            json.add("altllm_status_token", token);
        }
        json.add("model", t.model()).add("status", t.status().wire());
        nullable(json, "progress", t.progress());
        json.add("prompt", t.prompt()).add("duration", t.durationSeconds()).add("resolution", t.resolution())
                .add("estimated_credits", decimal(t.estimatedCredits()))
                .add("credit_state", t.creditState().name().toLowerCase(java.util.Locale.ROOT));
        if (t.chargedCredits() == null) {
            json.addNull("charged_credits");
        } else {
            json.add("charged_credits", decimal(t.chargedCredits()));
        }
        if (t.status() == VideoStatus.SUCCEEDED) {
            json.add("video_url", contentUrl);
        } else {
            json.addNull("video_url");
        }
        if (t.status() == VideoStatus.FAILED || t.status() == VideoStatus.EXPIRED) {
            json.add("error", JSON.createObjectBuilder().add("code", "video_" + t.status().wire())
                    .add("message", t.error() == null ? "The provider did not finish the video." : t.error()));
        } else {
            json.addNull("error");
        }
        return json.add("created_at", t.createdAt().getEpochSecond())
                .add("updated_at", t.updatedAt().getEpochSecond()).build();
    }

    private static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void nullable(JsonObjectBuilder json, String field, Integer value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value);
        }
    }
}
