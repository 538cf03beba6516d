package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.MicroInstance;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.VideoClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real gateway, {@code kill -9}ed right after writes it confirmed and restarted on the same data directory (the
 * embedded H2): every confirmed write is still there, and a prepaid client got no more than it paid for.
 */
class CrashIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START = Duration.ofSeconds(120);
    private static final int CLIENTS = 8;
    private static final int PAID_REQUESTS = 300;

    private static ScriptedUpstream upstream;
    private static Path dir;
    private static final AtomicReference<MicroInstance> instance = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        upstream = ScriptedUpstream.start(0);
        dir = Path.of(System.getProperty("java.io.tmpdir", "target"), "crash-it-" + UUID.randomUUID());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("altllm.json"), """
                {"providers": {"scripted": {"type": "openai", "base_url": "%s", "api_key": "it-upstream-key"},
                               "or-video": {"type": "openrouter", "base_url": "http://127.0.0.1:%d/or/api/v1",
                                            "api_key": "it-openrouter-key"}},
                 "models": [{"id": "it-metered", "provider": "scripted", "upstream_model": "metered-model",
                             "pricing": {"prompt": "0", "completion": "0.01"}},
                            {"id": "it-video-or", "provider": "or-video", "upstream_model": "bytedance/seedance-2.0",
                             "pricing": {"per_second": {"480p": "0.02"}}, "durations": [4],
                             "resolutions": ["480p"], "output_modalities": ["video"], "supported_features": ["video"]}]}
                """.formatted(upstream.baseUrl(), upstream.port()));
        restart();
    }

    private static void restart() {
        instance.set(MicroInstance.start("crash-it", List.of("--nohazelcast", "--prebootcommandfile",
                Path.of("server-config/payara-micro/pre-boot.asadmin").toAbsolutePath().toString()),
                Map.of("altllm.config",
                        dir.resolve("altllm.json").toString(), "altllm.data.dir", dir.toString()),
                Map.of("ALTLLM_ADMIN_KEY", System.getenv("ALTLLM_ADMIN_KEY")), START));
    }

    private static void killAndRestart() {
        instance.get().kill();
        restart();
    }

    @AfterAll
    static void stop() {
        if (instance.get() != null) {
            instance.get().close();
        }
        upstream.close();
    }

    private static Gateway gateway() {
        return new Gateway(instance.get().base());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyWriteAnswered2xxSurvivesAKillRightAfterIt() {
        TestKeys.Issued kept = TestKeys.issue(gateway(), "crash-kept", ",\"budget\":\"prepaid\"", "");
        String revoked = TestKeys.create(gateway(), "crash-revoked");
        String revokedId = Gateway.json(get(revoked, "/v1/key")).getJsonObject("data").getString("id");
        HttpResponse<String> revoke = admin("DELETE", "/admin/v1/keys/" + revokedId);
        assertEquals(200, revoke.statusCode(), revoke.body());
        TestKeys.adminPost(gateway(), "/admin/v1/accounts/" + kept.account() + "/credits", "{\"amount\":\"1.25\"}");
        String videoKey = TestKeys.create(gateway(), "crash-video");
        upstream.enqueueJson(202, "{\"id\":\"or-crash-1\",\"status\":\"pending\"}");
        String token = new VideoClient(gateway(), videoKey).created("it-video-or", 4, "480p")
                .getString("altllm_status_token");
        String lastAccount = TestKeys.account(gateway(), "crash-last", null);
        killAndRestart();

        assertEquals(200, get(kept.key(), "/v1/key").statusCode(), "a key issued before the kill still works");
        assertEquals(401, get(revoked, "/v1/key").statusCode(), "a key revoked before the kill stays revoked");
        JsonObject credits = Gateway.json(admin("GET", "/admin/v1/accounts/" + kept.account() + "/credits"));
        assertEquals(0, new BigDecimal("1.25").compareTo(new BigDecimal(credits.getString("total_credits"))),
                "the top-up is in the ledger: " + credits);
        upstream.enqueueJson(200, "{\"id\":\"or-crash-1\",\"status\":\"pending\"}");
        HttpResponse<String> task = new VideoClient(gateway(), videoKey).poll(token);
        assertEquals(200, task.statusCode(), "the video task created before the kill is known: " + task.body());
        assertEquals(200, admin("GET", "/admin/v1/accounts/" + lastAccount + "/credits").statusCode(),
                "the account created last exists");
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aKillMidLoadLetsNoPrepaidClientGetMoreThanItPaidForPlusWhatWasInFlight() throws Exception {
        TestKeys.Issued client = TestKeys.issue(gateway(), "crash-load", ",\"budget\":\"prepaid\"", "");
        TestKeys.adminPost(gateway(), "/admin/v1/accounts/" + client.account() + "/credits",
                "{\"amount\":\"" + new BigDecimal(PAID_REQUESTS).movePointLeft(2) + "\"}");
        for (int i = 0; i < 3 * PAID_REQUESTS; i++) {
            upstream.enqueueChat("x", 4, 1);
        }
        int before = upstream.requestCount();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> {
                while (true) {
                    int status = chat(client.key());
                    if (status == 402) {
                        return null;
                    }
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        Thread.sleep(200); // killed or starting: try again on the instance that comes up
                    }
                }
            }));
        }
        while (ok.get() < PAID_REQUESTS / 3) {
            Thread.sleep(5);
        }
        killAndRestart();
        for (Future<?> future : clients) {
            future.get(4, TimeUnit.MINUTES);
        }
        pool.shutdownNow();

        int served = upstream.requestCount() - before;
        JsonObject credits = Gateway.json(admin("GET", "/admin/v1/accounts/" + client.account() + "/credits"));
        BigDecimal usage = new BigDecimal(credits.getString("total_usage"));
        int paid = usage.movePointRight(2).intValueExact();
        System.out.printf("CrashIT kill mid-load: credit for %d requests, %d clients; upstream served %d, ledger "
                + "charged %d, %d answered 200%n", PAID_REQUESTS, CLIENTS, served, paid, ok.get());
        assertTrue(served <= paid + CLIENTS, "the upstream served " + served + " requests, the ledger charged "
                + paid + " (" + ok.get() + " answered 200); at most " + CLIENTS + " in flight may be unbilled");
        assertTrue(paid <= PAID_REQUESTS, "never charged past the credit: " + credits);
    }

    private static int chat(String key) throws InterruptedException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(gateway().uri("/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"it-metered\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\","
                                    + "\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static HttpResponse<String> get(String key, String path) {
        return gateway().send(HttpRequest.newBuilder(gateway().uri(path)).header("Authorization", "Bearer " + key));
    }

    private static HttpResponse<String> admin(String method, String path) {
        return gateway().send(HttpRequest.newBuilder(gateway().uri(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).header("Authorization",
                        "Bearer "
                                + System.getenv("ALTLLM_ADMIN_KEY")));
    }
}
