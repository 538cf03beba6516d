package ai.altllm.gateway.limits.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.Ledgers;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.TestPostgres;
import ai.altllm.gateway.testsupport.UpstreamIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits and credits on the real WAR: headers on every authenticated response, 429 and 402 before any upstream
 * call, reservations corrected at the end of plain and streamed requests, and no overshoot under 200 parallel calls.
 */
@ExtendWith(TestPostgres.RequiredForIt.class)
class LimitsAndCreditsIT extends UpstreamIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String body(String model, int maxTokens) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private HttpRequest.Builder chatRequest(String key, String body) {
        return HttpRequest.newBuilder(chat.gateway().uri("/v1/chat/completions")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> call(String key, String body) {
        return chat.gateway().send(chatRequest(key, body));
    }

    private HttpResponse<String> get(String key, String path) {
        return chat.gateway().send(HttpRequest.newBuilder(chat.gateway().uri(path)).header("Authorization",
                "Bearer " + key).GET());
    }

    private JsonObject ledger(String account) {
        return Ledgers.read(chat.gateway(), account);
    }

    private void topUp(String account, String amount) {
        JsonObject added = Gateway.json(TestKeys.adminPost(chat.gateway(), "/admin/v1/accounts/" + account
                + "/credits", "{\"amount\":\"" + amount + "\"}"));
        assertEquals("topup", added.getString("kind"));
    }

    /** The ledger's rows add up to its reported balance, to the last decimal. */
    private static BigDecimal balanced(JsonObject ledger) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue row : ledger.getJsonArray("data")) {
            sum = sum.add(new BigDecimal(row.asJsonObject().getString("amount")));
        }
        BigDecimal balance = new BigDecimal(ledger.getString("balance"));
        assertEquals(0, sum.compareTo(balance), "ledger rows " + sum + " vs balance " + balance);
        return balance;
    }

    private static long header(HttpResponse<?> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError(
                "no " + name + " header in " + response.headers().map())));
    }

    @Test
    void everyAuthenticatedResponseCarriesTheRateLimitHeaders() throws Exception {
        String key = TestKeys.create(chat.gateway(), "headers", ",\"rate_limit\":{\"requests_per_minute\":50,"
                + "\"tokens_per_minute\":100000}");
        HttpResponse<String> own = get(key, "/v1/key");
        assertEquals(200, own.statusCode());
        assertEquals(50, header(own, "X-RateLimit-Limit"));
        assertEquals(49, header(own, "X-RateLimit-Remaining"));
        long reset = header(own, "X-RateLimit-Reset");
        long now = System.currentTimeMillis() / 1000;
        assertTrue(reset >= now && reset <= now + 61, "a Unix time within the minute: " + reset);
        assertEquals(50, header(own, "x-ratelimit-limit-requests"));
        assertEquals(100000, header(own, "x-ratelimit-limit-tokens"));
        assertTrue(own.headers().firstValue("x-ratelimit-reset-requests").orElseThrow().matches("[0-9.]+m?s"),
                own.headers().firstValue("x-ratelimit-reset-requests").orElseThrow());

        upstream.enqueueChat("Hello!", 9, 3);
        HttpResponse<String> plain = call(key, body("it-basic", 100));
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals(48, header(plain, "X-RateLimit-Remaining"));
        assertTrue(header(plain, "x-ratelimit-remaining-tokens") < 100000, "tokens were reserved");

        HttpResponse<String> invalid = call(key, "{\"model\":\"it-basic\",\"messages\":[]}");
        assertEquals(400, invalid.statusCode());
        assertEquals(50, header(invalid, "X-RateLimit-Limit"), "refused before admission, still described");

        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hi"),
                OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(5, 2), "[DONE]"), false);
        HttpResponse<InputStream> stream = CLIENT.send(chatRequest(key, body("it-basic", 100).replace("{",
                "{\"stream\":true,")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertEquals(50, header(stream, "X-RateLimit-Limit"), "set before the stream's status was committed");
        assertNotNull(stream.headers().firstValue("x-ratelimit-reset-tokens").orElse(null));
        SseFrames.read(stream);
    }

    @Test
    void requestsPerMinuteRefusesWith429BeforeAnyUpstreamCall() {
        String key = TestKeys.create(chat.gateway(), "rpm", ",\"rate_limit\":{\"requests_per_minute\":2}");
        twoAnswered(key, body("it-basic", 5));
        int before = upstream.requestCount();
        HttpResponse<String> refused = call(key, body("it-basic", 5));
        JsonObject error = ChatClient.error(refused, 429);
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertTrue(error.getString("message").contains("requests per minute"), error.getString("message"));
        long retryAfter = header(refused, "Retry-After");
        long retryAfterMs = header(refused, "retry-after-ms");
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "one request refills every 30 s: " + retryAfter);
        assertTrue(retryAfterMs > 0 && retryAfterMs <= retryAfter * 1000, retryAfterMs + " ms");
        assertEquals(0, header(refused, "X-RateLimit-Remaining"));
        assertEquals(before, upstream.requestCount(), "nothing reached the upstream");
    }

    @Test
    void tokensAreHeldWhileAStreamRunsAndCorrectedWhenItEnds() throws Exception {
        // Tier it-small: 1000 tokens per minute. Each request reserves its prompt estimate plus max_tokens 900.
        String key = TestKeys.create(chat.gateway(), "tpm");
        upstream.enqueueStream(Duration.ofMillis(400), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("a"),
                OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(3, 2), "[DONE]"), false);
        HttpResponse<InputStream> running = CLIENT.send(chatRequest(key, body("it-tiered", 900).replace("{",
                "{\"stream\":true,")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, running.statusCode());
        HttpResponse<String> refused = call(key, body("it-tiered", 900));
        JsonObject error = ChatClient.error(refused, 429);
        assertTrue(error.getString("message").contains("tokens per minute"), error.getString("message"));
        SseFrames.read(running);
        // The stream used 5 tokens, so its reservation was given back: another 900 fits again.
        upstream.enqueueChat("ok", 3, 2);
        HttpResponse<String> after = awaitAdmitted(key, body("it-tiered", 900));
        assertEquals(200, after.statusCode(), after.body());
    }

    /** The stream's settlement runs as its last frame is sent; give it a moment to land. */
    private HttpResponse<String> awaitAdmitted(String key, String body) throws InterruptedException {
        HttpResponse<String> response = call(key, body);
        for (int i = 0; i < 20 && response.statusCode() == 429; i++) {
            Thread.sleep(100);
            response = call(key, body);
        }
        return response;
    }

    @Test
    void maxConcurrentFromTheTierRefusesASecondRunningRequest() throws Exception {
        String key = TestKeys.create(chat.gateway(), "concurrency");
        upstream.enqueueStream(Duration.ofMillis(400), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("a"),
                OpenAiJson.usageChunk(1, 1), "[DONE]"), false);
        HttpResponse<InputStream> running = CLIENT.send(chatRequest(key, body("it-single", 5).replace("{",
                "{\"stream\":true,")).build(), HttpResponse.BodyHandlers.ofInputStream());
        JsonObject error = ChatClient.error(call(key, body("it-single", 5)), 429);
        assertTrue(error.getString("message").contains("concurrent"), error.getString("message"));
        SseFrames.read(running);
        upstream.enqueueChat("ok", 1, 1);
        HttpResponse<String> after = awaitAdmitted(key, body("it-single", 5));
        assertEquals(200, after.statusCode(), "the slot was freed: " + after.body());
    }

    @Test
    void aKeysOwnMaxConcurrentRefusesASecondRunningRequest() throws Exception {
        String key = TestKeys.create(chat.gateway(), "key-concurrency", ",\"rate_limit\":{\"max_concurrent\":1}");
        JsonObject limits = Gateway.json(get(key, "/v1/key")).getJsonObject("data").getJsonObject("rate_limit");
        assertEquals(1, limits.getInt("max_concurrent"), limits.toString());
        upstream.enqueueStream(Duration.ofMillis(400), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("a"),
                OpenAiJson.usageChunk(1, 1), "[DONE]"), false);
        int before = upstream.requestCount();
        HttpResponse<InputStream> running = CLIENT.send(chatRequest(key, body("it-metered", 5).replace("{",
                "{\"stream\":true,")).build(), HttpResponse.BodyHandlers.ofInputStream());
        // A stream's headers are sent before its upstream call is made: wait until that call has arrived.
        for (int i = 0; i < 100 && upstream.requestCount() == before; i++) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, upstream.requestCount(), "the running stream's upstream call");
        JsonObject error = ChatClient.error(call(key, body("it-metered", 5)), 429);
        assertTrue(error.getString("message").contains("concurrent"), error.getString("message"));
        assertEquals(before + 1, upstream.requestCount(), "the refused request reached no upstream");
        SseFrames.read(running);
        upstream.enqueueChat("ok", 1, 1);
        HttpResponse<String> after = awaitAdmitted(key, body("it-metered", 5));
        assertEquals(200, after.statusCode(), "the slot was freed: " + after.body());
    }

    @Test
    void insufficientCreditIs402BeforeAnyUpstreamCall() {
        TestKeys.Issued issued = TestKeys.issue(chat.gateway(), "broke", ",\"budget\":\"prepaid\"", "");
        int before = upstream.requestCount();
        HttpResponse<String> refused = call(issued.key(), body("it-metered", 10));
        JsonObject error = ChatClient.error(refused, 402);
        assertEquals("insufficient_quota", error.getString("code"));
        assertEquals("false", refused.headers().firstValue("x-should-retry").orElse(null));
        assertTrue(refused.headers().firstValue("X-RateLimit-Limit").isEmpty()
                || refused.headers().firstValue("x-ratelimit-limit-requests").isPresent());
        assertEquals(before, upstream.requestCount(), "nothing reached the upstream");
        JsonObject credits = Gateway.json(get(issued.key(), "/v1/credits")).getJsonObject("data");
        assertEquals(0, credits.getJsonNumber("total_credits").bigDecimalValue().signum());
        assertEquals("prepaid", credits.getString("budget"));
    }

    @Test
    void twoHundredParallelRequestsAgainstCreditForExactlyOneHundred() throws Exception {
        // it-metered: completion 0.01 per token, prompt free. max_tokens 1 reserves 0.01; each answer uses 1 token.
        TestKeys.Issued issued = TestKeys.issue(chat.gateway(), "hundred", ",\"budget\":\"prepaid\"", "");
        topUp(issued.account(), "1.00");
        for (int i = 0; i < 100; i++) {
            upstream.enqueueChat("x", 4, 1);
        }
        int before = upstream.requestCount();
        List<Integer> statuses = parallel(200, () -> chatRequest(issued.key(), body("it-metered", 1)));
        assertEquals(100, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(100, statuses.stream().filter(s -> s == 402).count(), statuses.toString());
        assertEquals(100, upstream.requestCount() - before, "only admitted requests reached the upstream");

        JsonObject credits = Gateway.json(get(issued.key(), "/v1/credits")).getJsonObject("data");
        assertEquals(0, new BigDecimal("1.0").compareTo(credits.getJsonNumber("total_credits").bigDecimalValue()));
        assertEquals(0, new BigDecimal("1.0").compareTo(credits.getJsonNumber("total_usage").bigDecimalValue()));
        JsonObject ledger = ledger(issued.account());
        assertEquals(0, balanced(ledger).signum(), "spent to the cent");
        Map<String, Long> kinds = Ledgers.kinds(ledger);
        assertEquals(1, kinds.getOrDefault("topup", 0L), kinds.toString());
        // Each admitted request leaves a reservation and its settlement, or (on the embedded database, when it settled
        // before its reservation's batch was written) one charge row; its reservation was durable before the upstream
        // call either way (committed, or journaled), so a crash cannot leave served work unbilled.
        long reservations = kinds.getOrDefault("reservation", 0L);
        assertEquals(100, reservations + kinds.getOrDefault("charge", 0L), "each admitted request one: " + kinds);
        assertEquals(reservations, kinds.getOrDefault("settlement", 0L), "a settlement per reservation: " + kinds);
        for (JsonValue value : ledger.getJsonArray("data")) {
            JsonObject row = value.asJsonObject();
            if (row.getString("kind").equals("reservation")) {
                assertEquals("-0.01", row.getString("amount"), "the whole hold: " + row);
            } else if (row.getString("kind").equals("charge")) {
                assertEquals("-0.01", row.getString("amount"), "the cost: " + row);
                assertEquals("0.01", row.getString("held"), "what its reservation held: " + row);
            }
        }
    }

    @Test
    void twoHundredParallelRequestsAgainstARequestsPerMinuteLimitOfOneHundred() throws Exception {
        String key = TestKeys.create(chat.gateway(), "rpm-burst", ",\"rate_limit\":{\"requests_per_minute\":100}");
        long started = System.nanoTime();
        List<Integer> statuses = parallel(200, () -> HttpRequest.newBuilder(chat.gateway().uri("/v1/key"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key).GET());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long ok = statuses.stream().filter(s -> s == 200).count();
        // The limit refills continuously (one request per 600 ms), so a burst that takes a while earns a few more.
        long refilled = elapsedMillis / 600;
        assertTrue(ok >= 100 && ok <= 100 + refilled, ok + " admitted in " + elapsedMillis + " ms");
        assertEquals(200 - ok, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void streamsAndFailuresSettleTheirReservations() throws Exception {
        TestKeys.Issued issued = TestKeys.issue(chat.gateway(), "settle", ",\"budget\":\"prepaid\"", "");
        topUp(issued.account(), "1.00");
        // A stream reserving 50 tokens (0.50) that uses 3: 0.97 left.
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("abc"),
                OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(2, 3), "[DONE]"), false);
        SseFrames frames = SseFrames.read(CLIENT.send(chatRequest(issued.key(), body("it-metered", 50).replace("{",
                "{\"stream\":true,")).build(), HttpResponse.BodyHandlers.ofInputStream()));
        assertTrue(frames.data().contains("[DONE]"));
        // An upstream failure costs nothing: the whole reservation comes back.
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"boom\"}}");
        assertEquals(502, call(issued.key(), body("it-metered", 50)).statusCode());
        // With 0.97 left, a request that could cost 0.98 is refused.
        assertEquals(402, call(issued.key(), body("it-metered", 98)).statusCode());
        BigDecimal balance = awaitBalance(issued.account(), new BigDecimal("0.97"));
        assertEquals(0, new BigDecimal("0.97").compareTo(balance), balance.toPlainString());
    }

    @Test
    void aCancelledStreamIsChargedForWhatWasSentAndGivesTheRestBack() throws Exception {
        TestKeys.Issued issued = TestKeys.issue(chat.gateway(), "cancel", ",\"budget\":\"prepaid\"", "");
        topUp(issued.account(), "2.00");
        List<String> many = new ArrayList<>();
        many.add(OpenAiJson.roleChunk());
        for (int i = 0; i < 300; i++) {
            many.add(OpenAiJson.contentChunk("x"));
        }
        upstream.enqueueStream(Duration.ofMillis(20), many, false);
        // Reserves 100 tokens (1.00); a raw socket, so the hang-up is a real TCP close.
        byte[] request = body("it-metered", 100).replace("{", "{\"stream\":true,").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + chat.gateway().uri("/v1/chat/completions").getRawPath() + " HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nAuthorization: Bearer " + issued.key() + "\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + request.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(request);
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(600), StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("data: {"), head);
        }
        JsonObject ledger = ledger(issued.account());
        // Settled as one charge if the reservation row was still queued, else as a settlement after it.
        Set<String> settled = Set.of("charge", "settlement");
        for (int i = 0; i < 30
                && !settled.contains(ledger.getJsonArray("data").getJsonObject(0).getString("kind")); i++) {
            Thread.sleep(100);
            ledger = ledger(issued.account());
        }
        assertTrue(settled.contains(ledger.getJsonArray("data").getJsonObject(0).getString("kind")),
                ledger.toString());
        BigDecimal balance = balanced(ledger);
        assertTrue(balance.compareTo(BigDecimal.ONE) > 0 && balance.compareTo(new BigDecimal("2")) < 0,
                "charged for the chunks sent (about one token each), the rest of the 1.00 held came back: " + balance);
    }

    @Test
    void aKeyCreditLimitCapsAnUnlimitedAccount() {
        String key = TestKeys.create(chat.gateway(), "capped", ",\"credit_limit\":\"0.02\"");
        twoAnswered(key, body("it-metered", 1));
        JsonObject own = Gateway.json(get(key, "/v1/key")).getJsonObject("data");
        BigDecimal usage = new BigDecimal(own.getString("usage"));
        assertTrue(usage.signum() > 0, "/v1/key shows what the key spent: " + own);
        // Compared as numbers: the JSON writes a decimal without trailing zeros ("0", not "0.00").
        assertEquals(0, new BigDecimal("0.02").subtract(usage).max(BigDecimal.ZERO)
                .compareTo(new BigDecimal(own.getString("limit_remaining"))), own.toString());
        JsonObject error = ChatClient.error(call(key, body("it-metered", 1)), 402);
        assertTrue(error.getString("message").contains("credit limit"), error.getString("message"));
    }

    @Test
    void adminTopUpValidatesItsInput() {
        TestKeys.Issued issued = TestKeys.issue(chat.gateway(), "topup", "", "");
        for (String bad : List.of("{\"amount\":\"-1\"}", "{\"amount\":\"abc\"}", "{\"amount\":\"0.00000000001\"}",
                "{}", "{\"amount\":\"1\",\"extra\":1}")) {
            HttpResponse<String> response = chat.gateway().send(HttpRequest.newBuilder(chat.gateway().uri(
                    "/admin/v1/accounts/" + issued.account() + "/credits")).header("Authorization", "Bearer "
                            + System.getenv("ALTLLM_ADMIN_KEY"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bad)));
            assertEquals(400, response.statusCode(), bad + " -> " + response.body());
        }
        HttpResponse<String> missing = chat.gateway().send(HttpRequest.newBuilder(chat.gateway().uri(
                "/admin/v1/accounts/acct_nope/credits")).header("Authorization", "Bearer "
                        + System.getenv("ALTLLM_ADMIN_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1\"}")));
        assertEquals(404, missing.statusCode());
    }

    private void twoAnswered(String key, String body) {
        for (int i = 0; i < 2; i++) {
            upstream.enqueueChat("answer " + i, 1, 1);
            assertEquals(200, call(key, body).statusCode());
        }
    }

    private BigDecimal awaitBalance(String account, BigDecimal expected) throws InterruptedException {
        BigDecimal balance = balanced(ledger(account));
        for (int i = 0; i < 20 && balance.compareTo(expected) != 0; i++) {
            Thread.sleep(100);
            balance = balanced(ledger(account));
        }
        return balance;
    }

    private static List<Integer> parallel(int count, java.util.function.Supplier<HttpRequest.Builder> request) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(CLIENT.sendAsync(request.get().build(), HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }
}
