package ai.altllm.gateway.video;

import static ai.altllm.gateway.testsupport.ChatClient.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.ScriptedUpstream.Recorded;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import ai.altllm.gateway.testsupport.VideoClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Video tasks through both real adapters against scripted OpenRouter and Ark APIs, on the real WAR. */
class VideoTasksIT extends UpstreamIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private VideoClient video;

    @BeforeEach
    void client() {
        video = new VideoClient(chat.gateway(), TestKeys.create(chat.gateway(), "video"));
    }

    private static String openRouterJob(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"polling_url\":\"/api/v1/videos/" + id + "\",\"status\":\"" + status + "\""
                + extra + "}";
    }

    private static String arkTask(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"model\":\"seedance-2-0-ark\",\"status\":\"" + status + "\"" + extra + "}";
    }

    private void assertRequest(String method, String path, Recorded recorded) {
        assertEquals(method + " " + path, recorded.method() + " " + recorded.path());
    }

    @Test
    void openRouterTaskGoesFromQueuedToRunningToSucceededAndDownloadsThroughTheGateway() {
        upstream.enqueueJson(202, openRouterJob("or-job-1", "pending", ""));
        JsonObject task = video.created("it-video-or", 5, "720p");
        Recorded create = upstream.take(WAIT);
        assertRequest("POST", "/or/api/v1/videos", create);
        assertEquals("Bearer it-openrouter-key", create.header("Authorization"));
        JsonObject sent = ChatClient.json(create.body());
        assertEquals("bytedance/seedance-2.0", sent.getString("model"));
        assertEquals(5, sent.getInt("duration"));
        assertEquals("720p", sent.getString("resolution"));
        assertEquals("queued", task.getString("status"));
        assertEquals("0.25", task.getString("estimated_credits"), "0.05 per second at 720p for 5 s");
        assertEquals("reserved", task.getString("credit_state"));
        assertTrue(task.getString("id").startsWith("vtask_"));
        String token = task.getString("altllm_status_token");
        assertTrue(token.startsWith("v1.it-new."), "signed with the active key: " + token);

        upstream.enqueueJson(200, openRouterJob("or-job-1", "in_progress", ",\"progress\":40"));
        JsonObject running = video.pollFresh(token);
        assertRequest("GET", "/or/api/v1/videos/or-job-1", upstream.take(WAIT));
        assertEquals("running", running.getString("status"));
        assertEquals(40, running.getInt("progress"));
        int before = upstream.requestCount();
        assertEquals(200, video.poll(token).statusCode());
        assertEquals(before, upstream.requestCount(), "a poll within the cache period does not reach the provider");

        upstream.enqueueJson(200, openRouterJob("or-job-1", "completed",
                ",\"unsigned_urls\":[\"https://openrouter.ai/api/v1/videos/or-job-1/content?index=0\"]"));
        JsonObject done = video.pollFresh(token);
        upstream.take(WAIT);
        assertEquals("succeeded", done.getString("status"));
        assertEquals(100, done.getInt("progress"));
        assertEquals("settled", done.getString("credit_state"));
        assertEquals("0.25", done.getString("charged_credits"));
        String url = done.getString("video_url");
        assertTrue(url.startsWith(base.toString().replaceAll("/$", "")) && url.endsWith(token + "/content"), url);
        assertFalse(done.toString().contains("or-job-1") || done.toString().contains("openrouter"),
                "the provider and its job id stay private: " + done);
        before = upstream.requestCount();
        video.pollFresh(token);
        assertEquals(before, upstream.requestCount(), "a finished task is never refreshed again");

        byte[] mp4 = new byte[700 * 1024];
        new Random(7).nextBytes(mp4);
        upstream.enqueueBytes(200, "video/mp4", mp4);
        HttpResponse<byte[]> download = video.download(url);
        assertEquals(200, download.statusCode());
        assertEquals("video/mp4", download.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(mp4, download.body(), "the whole video, byte for byte, through back-pressure");
        Recorded content = upstream.take(WAIT);
        assertRequest("GET", "/or/api/v1/videos/or-job-1/content", content);
        assertEquals("Bearer it-openrouter-key", content.header("Authorization"));
        assertEquals(401, video.withKey("altllm-not-a-key").download(url).statusCode(), "the video needs a key too");

        upstream.enqueueJson(404, "{\"error\":{\"message\":\"video no longer stored\"}}");
        HttpResponse<byte[]> gone = video.download(url);
        assertEquals(404, gone.statusCode());
        assertTrue(new String(gone.body(), StandardCharsets.UTF_8).contains("video no longer stored"));
        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        long start = System.nanoTime();
        HttpResponse<byte[]> stalled = video.download(url);
        assertEquals(504, stalled.statusCode(), new String(stalled.body(), StandardCharsets.UTF_8));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 8000, "a silent provider fails the download in time");
        upstream.take(WAIT);
        upstream.take(WAIT);
    }

    @Test
    void arkTaskGoesThroughEveryStatusAndItsVideoIsFetchedWithoutTheProviderKey() {
        upstream.enqueueJson(200, "{\"id\":\"cgt-1\"}");
        JsonObject task = video.created("it-video-ark", 10, "480p");
        Recorded create = upstream.take(WAIT);
        assertRequest("POST", "/ark/api/v3/contents/generations/tasks", create);
        assertEquals("Bearer it-ark-key", create.header("Authorization"));
        JsonObject sent = ChatClient.json(create.body());
        assertEquals("seedance-2-0-ark", sent.getString("model"));
        JsonObject text = sent.getJsonArray("content").getJsonObject(0);
        assertEquals("text", text.getString("type"));
        assertEquals("A red fox in snow --resolution 480p --duration 10", text.getString("text"));
        assertEquals("0.1", task.getString("estimated_credits"));
        String token = task.getString("altllm_status_token");

        upstream.enqueueJson(200, arkTask("cgt-1", "queued", ""));
        assertEquals("queued", video.pollFresh(token).getString("status"));
        assertRequest("GET", "/ark/api/v3/contents/generations/tasks/cgt-1", upstream.take(WAIT));
        upstream.enqueueJson(200, arkTask("cgt-1", "running", ""));
        JsonObject running = video.pollFresh(token);
        upstream.take(WAIT);
        assertEquals("running", running.getString("status"));
        assertTrue(running.isNull("progress"), "Ark reports no progress");
        String storage = "http://127.0.0.1:" + upstream.port() + "/storage/cgt-1.mp4?signature=abc";
        upstream.enqueueJson(200, arkTask("cgt-1", "succeeded", ",\"content\":{\"video_url\":\"" + storage + "\"}"));
        JsonObject done = video.pollFresh(token);
        upstream.take(WAIT);
        assertEquals("succeeded", done.getString("status"));
        assertEquals("settled", done.getString("credit_state"));
        assertFalse(done.toString().contains("signature"), "the storage URL stays private");

        byte[] mp4 = "ark video bytes".getBytes(StandardCharsets.UTF_8);
        upstream.enqueueBytes(200, "video/mp4", mp4);
        HttpResponse<byte[]> download = video.download(done.getString("video_url"));
        assertEquals(200, download.statusCode());
        assertArrayEquals(mp4, download.body());
        Recorded fetched = upstream.take(WAIT);
        assertRequest("GET", "/storage/cgt-1.mp4", fetched);
        assertNull(fetched.header("Authorization"), "a storage URL never receives the provider key");
    }

    @Test
    void tasksReserveOnTheLedgerAndAPrepaidAccountCannotOverspend() {
        TestKeys.Issued paid = TestKeys.issue(chat.gateway(), "video-paid", ",\"budget\":\"prepaid\"", "");
        HttpResponse<String> topUp = TestKeys.adminPost(chat.gateway(), "/admin/v1/accounts/" + paid.account()
                + "/credits", "{\"amount\":\"0.30\"}");
        assertTrue(topUp.statusCode() / 100 == 2, topUp.body());
        VideoClient client = new VideoClient(chat.gateway(), paid.key());
        upstream.enqueueJson(202, openRouterJob("or-paid", "pending", ""));
        String token = client.created("it-video-or", 5, "720p").getString("altllm_status_token");
        upstream.take(WAIT);

        int before = upstream.requestCount();
        HttpResponse<String> second = client.create(VideoClient.body("it-video-or", "A second film", 5, "720p"), null);
        assertEquals("insufficient_quota", error(second, 402).getString("code"), "0.25 held of 0.30: no room");
        assertEquals(before, upstream.requestCount(), "refused before the provider is called");

        upstream.enqueueJson(200, openRouterJob("or-paid", "completed",
                ",\"unsigned_urls\":[\"https://openrouter.ai/api/v1/videos/or-paid/content?index=0\"]"));
        assertEquals("settled", client.pollFresh(token).getString("credit_state"));
        upstream.take(WAIT);
        JsonObject credits = Gateway.json(chat.gateway().send(java.net.http.HttpRequest.newBuilder(
                chat.gateway().uri("/v1/credits")).header("Authorization", "Bearer " + paid.key())))
                .getJsonObject("data");
        assertEquals(0, new java.math.BigDecimal("0.30").compareTo(credits.getJsonNumber("total_credits")
                .bigDecimalValue()));
        assertEquals(0, new java.math.BigDecimal("0.25").compareTo(credits.getJsonNumber("total_usage")
                .bigDecimalValue()), credits.toString());
    }

    @Test
    void failedExpiredAndCancelledTasksAreRefundedOnce() {
        upstream.enqueueJson(202, openRouterJob("or-fail", "pending", ""));
        String failing = video.created("it-video-or", 4, "480p").getString("altllm_status_token");
        upstream.enqueueJson(200, openRouterJob("or-fail", "failed", ",\"error\":\"Prompt rejected by policy\""));
        JsonObject failed = video.pollFresh(failing);
        assertEquals("failed", failed.getString("status"));
        assertEquals("Prompt rejected by policy", failed.getJsonObject("error").getString("message"));
        assertEquals("refunded", failed.getString("credit_state"));
        assertEquals("0", failed.getString("charged_credits"));
        assertTrue(failed.isNull("video_url"));
        HttpResponse<byte[]> notReady = video.download(base + "v1/contents/generations/tasks/" + failing + "/content");
        assertEquals(409, notReady.statusCode());
        assertEquals("video_not_ready", ChatClient.json(new String(notReady.body(), StandardCharsets.UTF_8))
                .getJsonObject("error").getString("code"));

        Object[][] otherEnds = {
            {"it-video-or", openRouterJob("or-exp", "pending", ""), openRouterJob("or-exp", "expired", ""), "expired"},
            {"it-video-or", openRouterJob("or-cxl", "pending", ""), openRouterJob("or-cxl", "cancelled", ""),
                "cancelled"},
            {"it-video-ark", "{\"id\":\"cgt-fail\"}", arkTask("cgt-fail", "failed",
                    ",\"error\":{\"code\":\"InputTextSensitive\",\"message\":\"Prompt flagged\"}"),
                "failed"},
            {"it-video-ark", "{\"id\":\"cgt-exp\"}", arkTask("cgt-exp", "expired", ""), "expired"},
        };
        for (Object[] end : otherEnds) {
            upstream.enqueueJson(200, (String) end[1]);
            String token = video.created((String) end[0], "it-video-or".equals(end[0]) ? 4 : 5, "480p")
                    .getString("altllm_status_token");
            upstream.enqueueJson(200, (String) end[2]);
            JsonObject ended = video.pollFresh(token);
            assertEquals(end[3], ended.getString("status"), (String) end[2]);
            assertEquals("refunded", ended.getString("credit_state"));
            if ("failed".equals(end[3])) {
                assertEquals("Prompt flagged", ended.getJsonObject("error").getString("message"));
            }
        }

        upstream.enqueueJson(200, "{\"id\":\"cgt-cancel\"}");
        String queued = video.created("it-video-ark", 5, "720p").getString("altllm_status_token");
        upstream.enqueueJson(200, "{}");
        HttpResponse<String> cancelled = video.cancel(queued);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", Gateway.json(cancelled).getString("status"));
        assertEquals("refunded", Gateway.json(cancelled).getString("credit_state"));
        for (int i = 0; i < 11; i++) {
            upstream.take(WAIT);
        }
        assertRequest("DELETE", "/ark/api/v3/contents/generations/tasks/cgt-cancel", upstream.take(WAIT));
        assertEquals("task_not_cancellable", error(video.cancel(queued), 409).getString("code"));

        upstream.enqueueJson(200, "{\"id\":\"cgt-busy\"}");
        String busy = video.created("it-video-ark", 5, "720p").getString("altllm_status_token");
        upstream.enqueueJson(200, arkTask("cgt-busy", "running", ""));
        video.pollFresh(busy);
        assertEquals("task_not_cancellable", error(video.cancel(busy), 409).getString("code"));
        upstream.enqueueJson(202, openRouterJob("or-nocancel", "pending", ""));
        String openRouter = video.created("it-video-or", 4, "480p").getString("altllm_status_token");
        assertEquals("cancel_not_supported", error(video.cancel(openRouter), 409).getString("code"));
        for (int i = 0; i < 3; i++) {
            upstream.take(WAIT);
        }
    }

    @Test
    void upstreamFailuresAndTimeoutsBecomeErrorsAndFailedCreatesAreRefunded() {
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"overloaded\"}}");
        error(video.create(VideoClient.body("it-video-or", "x", 4, "480p"), null), 502);
        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        long start = System.nanoTime();
        error(video.create(VideoClient.body("it-video-ark", "x", 5, "480p"), null), 504);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 6000, "the provider's first-byte timeout applies");
        upstream.enqueueJson(400, "{\"error\":{\"message\":\"duration unsupported\",\"code\":\"bad_duration\"}}");
        assertEquals("duration unsupported", error(video.create(VideoClient.body("it-video-ark", "x", 5, "480p"),
                null), 400).getString("message"));
        JsonObject history = Gateway.json(video.list("?status=failed"));
        assertEquals(3, history.getJsonArray("data").size(), "failed creates stay in the history: " + history);
        history.getJsonArray("data").forEach(t -> assertEquals("refunded",
                ((JsonObject) t).getString("credit_state")));

        upstream.enqueueJson(202, openRouterJob("or-flaky", "pending", ""));
        String token = video.created("it-video-or", 4, "480p").getString("altllm_status_token");
        upstream.enqueueJson(503, "{\"error\":{\"message\":\"try later\"}}");
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        error(video.poll(token), 502);
        upstream.enqueueJson(200, openRouterJob("or-flaky", "dreaming", ""));
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals("upstream_malformed", error(video.poll(token), 502).getString("code"));
        upstream.enqueueJson(200, openRouterJob("or-flaky", "in_progress", ""));
        assertEquals("running", video.pollFresh(token).getString("status"), "the task survives provider hiccups");
        for (int i = 0; i < 7; i++) {
            upstream.take(WAIT);
        }
    }
}
