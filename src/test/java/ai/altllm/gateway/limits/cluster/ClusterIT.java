package ai.altllm.gateway.limits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.Ledgers;
import ai.altllm.gateway.testsupport.MicroInstance;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.TestKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Payara Micro instances on 127.0.0.1 forming one Hazelcast cluster (TCP/IP discovery on loopback, a cluster name
 * of their own, non-default ports) and sharing one database: requests spread over both must respect one rate limit
 * and one credit balance.
 */
class ClusterIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START = Duration.ofSeconds(90);

    private static ScriptedUpstream upstream;
    private static Server database;
    private static MicroInstance a;
    private static MicroInstance b;
    private static Gateway gatewayA;
    private static Gateway gatewayB;

    @BeforeAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES) // two starts of up to 90 s each, then the cluster forming
    static void startCluster() throws Exception {
        upstream = ScriptedUpstream.start(0);
        Path dir = Path.of(System.getProperty("java.io.tmpdir", "target"), "cluster-it");
        Files.createDirectories(dir);
        System.setProperty("h2.bindAddress", "127.0.0.1");
        int dbPort = MicroInstance.freePort();
        database = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-baseDir", dir.toString(),
                "-ifNotExists").start();
        Path config = dir.resolve("altllm.json");
        Files.writeString(config, config(dbPort, "cluster-" + UUID.randomUUID()));
        String clusterName = "altllm-it-" + UUID.randomUUID().toString().substring(0, 8);
        int hzA = 30_000 + (int) (Math.random() * 20_000);
        int hzB = hzA + 7;
        String members = "tcpip:127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        Map<String, String> properties = Map.of("altllm.config", config.toString(), "altllm.data.dir",
                dir.toString(), "h2.bindAddress", "127.0.0.1", "hazelcast.socket.bind.any", "false");
        Map<String, String> env = Map.of("ALTLLM_ADMIN_KEY", System.getenv("ALTLLM_ADMIN_KEY"));
        a = MicroInstance.start("cluster-a", cluster(clusterName, members, hzA), properties, env, START);
        b = MicroInstance.start("cluster-b", cluster(clusterName, members, hzB), properties, env, START);
        gatewayA = new Gateway(a.base());
        gatewayB = new Gateway(b.base());
        awaitTwoMembers();
    }

    private static List<String> cluster(String name, String members, int port) {
        return List.of("--clustername", name, "--clustermode", members, "--startport", Integer.toString(port),
                "--interfaces", "127.0.0.1", "--nohostaware", "--prebootcommandfile",
                Path.of("server-config/payara-micro/pre-boot.asadmin").toAbsolutePath().toString());
    }

    private static String config(int dbPort, String dbName) throws IOException {
        return """
                {"providers": {"scripted": {"type": "openai", "base_url": "%s", "api_key": "it-upstream-key",
                               "timeouts": {"first_byte_ms": 60000}}},
                 "models": [{"id": "it-metered", "provider": "scripted", "upstream_model": "metered-model",
                             "pricing": {"prompt": "0", "completion": "0.01"}}],
                 "database": {"url": "jdbc:h2:tcp://127.0.0.1:%d/%s"},
                 "shared_state": "cluster"}
                """.formatted(upstream.baseUrl(), dbPort, dbName);
    }

    /** Both logs must show a Hazelcast cluster of two before the tests mean anything. */
    private static void awaitTwoMembers() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (a.log().contains("DG Size: 2") && b.log().contains("DG Size: 2")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the two instances did not form a cluster; see target/cluster-a.log and "
                + "target/cluster-b.log");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
        if (database != null) {
            database.stop();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void bothInstancesShareTheState() {
        String key = TestKeys.create(gatewayA, "cluster-state");
        for (Gateway gateway : List.of(gatewayA, gatewayB)) {
            assertEquals(200, gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/credits"))
                    .header("Authorization", "Bearer " + key).GET()).statusCode());
        }
        assertTrue(a.log().contains("rate limits and credit balances are shared through JCache"), "see cluster-a.log");
        assertTrue(b.log().contains("rate limits and credit balances are shared through JCache"), "see cluster-b.log");
    }

    @Test
    void creditForExactlyOneHundredHoldsAcrossBothInstances() throws Exception {
        TestKeys.Issued issued = TestKeys.issue(gatewayA, "cluster-credit", ",\"budget\":\"prepaid\"", "");
        TestKeys.adminPost(gatewayB, "/admin/v1/accounts/" + issued.account() + "/credits", "{\"amount\":\"1.00\"}");
        for (int i = 0; i < 110; i++) {
            upstream.enqueueChat("x", 4, 1);
        }
        int before = upstream.requestCount();
        String body = "{\"model\":\"it-metered\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        List<Integer> statuses = spread(200, gateway -> HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + issued.key()).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(100, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(100, statuses.stream().filter(s -> s == 402).count(), statuses.toString());
        assertEquals(100, upstream.requestCount() - before);
        // Each instance writes its own ledger rows in batches; wait for both to land, then the ledger must balance.
        // A request leaves one charge row, or a reservation and a settlement if its reservation was written first.
        JsonObject ledger = null;
        Map<String, Long> kinds = Map.of();
        for (int i = 0; i < 40; i++) {
            ledger = ledger(issued.account());
            kinds = Ledgers.kinds(ledger);
            if (settled(kinds) == 100) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(100, settled(kinds), ledger.toString());
        assertEquals(kinds.getOrDefault("reservation", 0L), kinds.getOrDefault("settlement", 0L), kinds.toString());
        assertEquals(1, kinds.get("topup"), kinds.toString());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue row : ledger.getJsonArray("data")) {
            sum = sum.add(new BigDecimal(row.asJsonObject().getString("amount")));
        }
        assertEquals(0, sum.signum(), "spent to the cent: " + sum);
        assertEquals(0, new BigDecimal(ledger.getString("balance")).signum());
    }

    @Test
    void oneRequestsPerMinuteLimitAcrossBothInstances() {
        String key = TestKeys.create(gatewayA, "cluster-rpm", ",\"rate_limit\":{\"requests_per_minute\":100}");
        long started = System.nanoTime();
        List<Integer> statuses = spread(200, gateway -> HttpRequest.newBuilder(gateway.uri("/v1/key"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key).GET());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long ok = statuses.stream().filter(s -> s == 200).count();
        // Within 2% of the limit, plus what the bucket refilled (one per 600 ms) while the burst ran.
        assertTrue(ok >= 98 && ok <= 102 + elapsedMillis / 600, ok + " admitted in " + elapsedMillis + " ms");
        assertEquals(200 - ok, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    private static long settled(Map<String, Long> kinds) {
        return kinds.getOrDefault("charge", 0L) + kinds.getOrDefault("settlement", 0L);
    }

    private static JsonObject ledger(String account) {
        return Ledgers.read(gatewayA, account);
    }

    /** Sends {@code count} requests at once, alternating between the two instances. */
    private static List<Integer> spread(int count, Function<Gateway, HttpRequest.Builder> request) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(CLIENT.sendAsync(request.apply(i % 2 == 0 ? gatewayA : gatewayB).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }
}
