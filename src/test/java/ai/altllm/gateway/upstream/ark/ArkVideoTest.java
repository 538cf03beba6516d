package ai.altllm.gateway.upstream.ark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.upstream.VideoAnswers;
import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArkVideoTest {

    private static VideoJob job(String json) {
        return ArkVideo.job(VideoAnswers.object(json), "cgt-known");
    }

    @Test
    void everyArkStatusMapsToTheGatewaysModel() {
        Map<String, VideoStatus> expected = Map.of("queued", VideoStatus.QUEUED, "running", VideoStatus.RUNNING,
                "failed", VideoStatus.FAILED, "cancelled", VideoStatus.CANCELLED, "expired", VideoStatus.EXPIRED);
        expected.forEach((wire, status) -> assertEquals(status, job("{\"id\":\"cgt-1\",\"status\":\"" + wire + "\"}")
                .status(), wire));
        VideoJob done = job(
                "{\"id\":\"cgt-1\",\"status\":\"succeeded\",\"content\":{\"video_url\":\"https://cdn/v.mp4\"}}");
        assertEquals(VideoStatus.SUCCEEDED, done.status());
        assertEquals("https://cdn/v.mp4", done.videoUrl());
        assertEquals(100, done.progress());
    }

    @Test
    void errorsAreReadFromTheErrorObjectAndASuccessWithoutVideoIsMalformed() {
        VideoJob failed = job("{\"id\":\"cgt-1\",\"status\":\"failed\",\"error\":{\"code\":\"InputTextSensitive\","
                + "\"message\":\"The prompt was flagged\"}}");
        assertEquals("The prompt was flagged", failed.error());
        assertNull(job("{\"id\":\"cgt-1\",\"status\":\"running\"}").error());
        assertEquals(502, assertThrows(ApiException.class, () -> job("{\"id\":\"cgt-1\",\"status\":\"succeeded\"}"))
                .status());
        assertEquals(502, assertThrows(ApiException.class, () -> job("{\"id\":\"cgt-1\",\"status\":\"paused\"}"))
                .status());
    }
}
