package ai.altllm.gateway.video;

import static ai.altllm.gateway.testsupport.ChatClient.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.NodeScript;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import ai.altllm.gateway.testsupport.VideoClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status-token forgery, ownership, idempotent create, validation, history and the portal's Videos page. */
class VideoTokensIT extends UpstreamIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** The IT configuration's signing keys (test values). */
    private static final byte[] OLD_KEY = "it-video-token-key-old-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW_KEY = "it-video-token-key-new-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private Gateway gateway;
    private String account;
    private JsonObject keyA;
    private VideoClient video;

    @BeforeEach
    void keys() {
        gateway = chat.gateway();
        account = TestKeys.account(gateway, "video-team", "correct horse battery");
        keyA = TestKeys.issue(gateway, account, "key-a");
        video = new VideoClient(gateway, keyA.getString("key"));
    }

    private JsonObject createOpenRouterTask(String jobId) {
        upstream.enqueueJson(202, "{\"id\":\"" + jobId + "\",\"status\":\"pending\"}");
        JsonObject task = video.created("it-video-or", 5, "720p");
        upstream.take(WAIT);
        return task;
    }

    @Test
    void everyForgedTamperedExpiredForeignOrMisdirectedTokenGetsTheSame404() {
        JsonObject task = createOpenRouterTask("or-tok-1");
        String token = task.getString("altllm_status_token");
        upstream.enqueueJson(200, "{\"id\":\"or-tok-1\",\"status\":\"completed\"}");
        assertEquals("succeeded", video.pollFresh(token).getString("status"), "finished: later polls stay local");
        upstream.take(WAIT);
        String[] parts = token.split("\\.");
        TaskClaim genuine = new TaskClaim(task.getString("id"), keyA.getString("id"), keyA.getString("account"),
                VideoTasks.PURPOSE, Instant.now().plusSeconds(3600));
        StatusTokens configured = new StatusTokens(Map.of("it-old", OLD_KEY, "it-new", NEW_KEY), "it-new",
                Clock.systemUTC());
        byte[] attackerKey = "attacker-chosen-secret-attacker-chosen".getBytes(StandardCharsets.UTF_8);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"t\":\"" + task.getString("id")
                + "\",\"k\":\"key_x\",\"a\":\"acct_x\",\"p\":\"video.task\",\"exp\":9999999999}")
                .getBytes(StandardCharsets.UTF_8));
        char c = parts[3].charAt(5);
        List<String> forged = List.of(
                parts[0] + "." + parts[1] + "." + payload + "." + parts[3],
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(0, 5) + (c == 'A' ? 'B' : 'A')
                        + parts[3].substring(6),
                "v1.unknown-key." + parts[2] + "." + parts[3],
                "v2." + parts[1] + "." + parts[2] + "." + parts[3],
                configured.mint(new TaskClaim(genuine.taskId(), genuine.keyId(), genuine.accountId(),
                        VideoTasks.PURPOSE, Instant.now().minusSeconds(1))),
                configured.mint(new TaskClaim(genuine.taskId(), genuine.keyId(), genuine.accountId(),
                        "video.download", genuine.expiresAt())),
                new StatusTokens(Map.of("it-new", attackerKey), "it-new", Clock.systemUTC()).mint(genuine),
                "v1.it-new.e30." + "A".repeat(43), "not-a-token", "x".repeat(3000));
        HttpResponse<String> reference = video.poll(forged.get(0));
        assertEquals("task_not_found", error(reference, 404).getString("code"));
        int requests = upstream.requestCount();
        for (String bad : forged) {
            assertSame404(reference, video.poll(bad), bad);
            assertSame404(reference, video.cancel(bad), bad);
            assertEquals(404, video.download(base + "v1/contents/generations/tasks/" + bad + "/content")
                    .statusCode(), bad);
        }
        String otherAccount = TestKeys.create(gateway, "stranger");
        assertSame404(reference, video.withKey(otherAccount).poll(token), "another account's key");
        assertSame404(reference, video.withKey(otherAccount).cancel(token), "another account's key");
        assertEquals(404, video.withKey(otherAccount).download(base + "v1/contents/generations/tasks/" + token
                + "/content").statusCode());
        assertEquals(requests, upstream.requestCount(), "no bad token reaches the provider");

        assertEquals(200, video.poll(token).statusCode(), "the genuine token still works");
        String signedWithOldKey = new StatusTokens(Map.of("it-old", OLD_KEY), "it-old", Clock.systemUTC())
                .mint(genuine);
        assertEquals(200, video.poll(signedWithOldKey).statusCode(), "the second active key still verifies");
        String sameAccount = TestKeys.issue(gateway, account, "key-b").getString("key");
        assertEquals(200, video.withKey(sameAccount).poll(token).statusCode(),
                "another key of the creating account may poll");
        assertEquals(401, video.withKey("altllm-wrong").poll(token).statusCode());
    }

    private static void assertSame404(HttpResponse<String> reference, HttpResponse<String> response, String what) {
        assertEquals(404, response.statusCode(), what);
        assertEquals(reference.body(), response.body(), what + ": exactly the same envelope");
    }

    @Test
    void anIdempotencyKeyMakesRetriesReturnTheSameTaskEvenConcurrently() throws Exception {
        String body = VideoClient.body("it-video-or", "Idempotent fox", 4, "480p");
        upstream.enqueueJson(202, "{\"id\":\"or-idem\",\"status\":\"pending\"}");
        int before = upstream.requestCount();
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> video.create(body, "idem-" + account)));
        }
        List<String> ids = new ArrayList<>();
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> response : racing) {
            HttpResponse<String> answer = response.get();
            assertTrue(answer.statusCode() == 202 || answer.statusCode() == 200, answer.body());
            accepted += answer.statusCode() == 202 ? 1 : 0;
            ids.add(Gateway.json(answer).getString("id"));
        }
        assertEquals(1, accepted, "one create, the rest are replays");
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        HttpResponse<String> replay = video.create(body, "idem-" + account);
        assertEquals(200, replay.statusCode());
        assertEquals(ids.get(0), Gateway.json(replay).getString("id"));
        upstream.take(WAIT);
        assertEquals(before + 1, upstream.requestCount(), "the provider saw one job");
        assertEquals("idempotency_key_reused", error(video.create(VideoClient.body("it-video-or", "Other", 4, "480p"),
                "idem-" + account), 409).getString("code"));
        assertEquals("Idempotency-Key", error(video.create(body, "has space"), 400).getString("param"));
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingReachesTheProvider() {
        String restricted = TestKeys.create(gateway, "chat-only", ",\"models\":[\"it-basic\"]");
        Object[][] cases = {
            {"{\"model\":\"nope\",\"prompt\":\"x\"}", 404, "model_not_found"},
            {"{\"model\":\"it-basic\",\"prompt\":\"x\"}", 400, "invalid_value"},
            {"{\"model\":\"it-video\",\"prompt\":\"x\"}", 503, "video_not_supported"},
            {VideoClient.body("it-video-or", "x", 7, "480p"), 400, "invalid_value"},
            {VideoClient.body("it-video-or", "x", 4, "4k"), 400, "invalid_value"},
            {VideoClient.body("it-video-or", " ", 4, "480p"), 400, "invalid_value"},
            {VideoClient.body("it-video-or", "x".repeat(4001), 4, "480p"), 400, "invalid_value"},
            {"{\"model\":\"it-video-or\",\"prompt\":\"x\",\"seed\":1}", 400, "invalid_value"},
            {"{\"model\":\"it-video-or\",\"prompt\":", 400, "invalid_json"},
            {"{\"prompt\":\"x\"}", 400, "invalid_value"},
            {"{\"model\":\"it-video-or\",\"prompt\":\"" + "x".repeat(70_000) + "\"}", 413, "request_too_large"},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], error(video.create((String) c[0], null), (int) c[1]).getString("code"), (String) c[0]);
        }
        assertEquals("model_not_allowed", error(video.withKey(restricted).create(VideoClient.body("it-video-or", "x",
                4, "480p"), null), 403).getString("code"));
        assertEquals(requestsBefore, upstream.requestCount(), "nothing reached the provider");
        assertEquals(0, Gateway.json(video.list("")).getJsonArray("data").size(), "and nothing was stored");
    }

    @Test
    void historyIsPagedFilteredAndScopedToTheAccount() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createOpenRouterTask("or-hist-" + i).getString("id"));
        }
        upstream.enqueueJson(200, "{\"id\":\"or-hist-0\",\"status\":\"failed\",\"error\":\"nope\"}");
        String firstToken = Gateway.json(video.list("?limit=3")).getJsonArray("data").getJsonObject(2)
                .getString("altllm_status_token");
        assertEquals("failed", video.pollFresh(firstToken).getString("status"));
        upstream.take(WAIT);

        JsonObject page1 = Gateway.json(video.list("?limit=2"));
        assertTrue(page1.getBoolean("has_more"));
        assertEquals(List.of(ids.get(2), ids.get(1)), page1.getJsonArray("data").stream()
                .map(t -> ((JsonObject) t).getString("id")).toList(), "newest first");
        JsonObject page2 = Gateway.json(video.list("?limit=2&after=" + ids.get(1)));
        assertFalse(page2.getBoolean("has_more"));
        assertEquals(ids.get(0), page2.getJsonArray("data").getJsonObject(0).getString("id"));
        JsonObject failed = Gateway.json(video.list("?status=failed"));
        assertEquals(1, failed.getJsonArray("data").size());
        assertEquals(ids.get(0), failed.getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals(2, Gateway.json(video.list("?status=queued")).getJsonArray("data").size());
        assertEquals("status", error(video.list("?status=done"), 400).getString("param"));
        assertEquals("limit", error(video.list("?limit=0"), 400).getString("param"));
        VideoClient stranger = video.withKey(TestKeys.create(gateway, "stranger"));
        assertEquals(0, Gateway.json(stranger.list("")).getJsonArray("data").size());
        assertEquals(404, stranger.list("?after=" + ids.get(1)).statusCode(), "another account's cursor is unknown");
    }

    @Test
    void portalVideosPageShowsHistoryWithStatusProgressCostAndAPlayableVideoInChromium() throws Exception {
        String done = createOpenRouterTask("or-portal-done").getString("altllm_status_token");
        upstream.enqueueJson(200, "{\"id\":\"or-portal-done\",\"status\":\"completed\"}");
        assertEquals("succeeded", video.pollFresh(done).getString("status"));
        String running = createOpenRouterTask("or-portal-run").getString("altllm_status_token");
        upstream.enqueueJson(200, "{\"id\":\"or-portal-run\",\"status\":\"in_progress\",\"progress\":35}");
        assertEquals(35, video.pollFresh(running).getInt("progress"));
        upstream.take(WAIT);
        upstream.take(WAIT);
        byte[] mp4 = new byte[200 * 1024];
        new Random(3).nextBytes(mp4);
        upstream.enqueueBytes(200, "video/mp4", mp4);
        String output = NodeScript.run("videos.e2e.mjs", Duration.ofSeconds(180), base.toString(), account,
                "correct horse battery", Integer.toString(mp4.length));
        assertTrue(output.contains("videos e2e: ok"), output);
        assertEquals("/or/api/v1/videos/or-portal-done/content", upstream.take(WAIT).path());
        assertEquals(401, gateway.get("/portal/api/videos").statusCode(), "the history needs a session");
    }
}
