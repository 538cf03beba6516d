package ai.altllm.gateway.upstream.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.upstream.VideoAnswers;
import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenRouterVideoTest {

    private static VideoJob job(String json) {
        return OpenRouterVideo.job(VideoAnswers.object(json), "known");
    }

    @Test
    void everyOpenRouterStatusMapsToTheGatewaysModel() {
        Map<String, VideoStatus> expected = Map.of("pending", VideoStatus.QUEUED, "in_progress", VideoStatus.RUNNING,
                "completed", VideoStatus.SUCCEEDED, "failed", VideoStatus.FAILED, "cancelled", VideoStatus.CANCELLED,
                "expired", VideoStatus.EXPIRED);
        expected.forEach((wire, status) -> assertEquals(status, job("{\"id\":\"j1\",\"status\":\"" + wire + "\"}")
                .status(), wire));
    }

    @Test
    void progressErrorAndIdAreReadWhenGiven() {
        VideoJob running = job("{\"id\":\"j1\",\"status\":\"in_progress\",\"progress\":140}");
        assertEquals(100, running.progress(), "clamped to 0..100");
        assertEquals("j1", running.upstreamId());
        assertNull(job("{\"status\":\"pending\"}").progress());
        assertEquals("known", job("{\"status\":\"pending\"}").upstreamId(), "a status answer may omit the id");
        assertEquals("policy", job("{\"id\":\"j1\",\"status\":\"failed\",\"error\":\"policy\"}").error());
        assertEquals(100, job("{\"id\":\"j1\",\"status\":\"completed\"}").progress());
    }

    @Test
    void unknownStatusesAndUnsafeIdsAreMalformedAnswers() {
        assertEquals(502, assertThrows(ApiException.class, () -> job("{\"id\":\"j\",\"status\":\"dreaming\"}"))
                .status());
        assertEquals(502, assertThrows(ApiException.class,
                () -> OpenRouterVideo.job(VideoAnswers.object("{\"id\":\"../admin\",\"status\":\"pending\"}"), null))
                .status());
        assertEquals("upstream_malformed", assertThrows(ApiException.class, () -> VideoAnswers.object("[1]")).code());
    }
}
