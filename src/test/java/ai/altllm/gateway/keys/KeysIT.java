package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.GatewayApplication;
import ai.altllm.gateway.testsupport.FromAddress;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.ServerLog;
import ai.altllm.gateway.testsupport.TestPostgres;
import ai.altllm.gateway.testsupport.Throttling;
import ai.altllm.gateway.web.Routes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, keys and authentication on a real Payara Micro with the real WAR and database (H2 by default; the
 * {@code postgres-it} failsafe execution runs this class again on PostgreSQL). The last test reads the server log.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TestPostgres.RequiredForIt.class)
class KeysIT {

    private static final List<String> SECRETS = new ArrayList<>();
    private static final List<String> KEY_IDS = new ArrayList<>();

    @ArquillianResource
    URL base;

    KeyClient client;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Gateway.war();
    }

    @BeforeAll
    static void captureServerLog() {
        ServerLog.capture();
    }

    @BeforeEach
    void connect() {
        client = new KeyClient(new Gateway(base));
    }

    private String account() {
        HttpResponse<String> created = client.admin("POST", "/admin/v1/accounts",
                "{\"name\": \"team-" + UUID.randomUUID() + "\", \"kind\": \"team\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Gateway.json(created).getString("id");
    }

    private JsonObject key(String body) {
        HttpResponse<String> created = client.admin("POST", "/admin/v1/keys", body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject key = Gateway.json(created);
        SECRETS.add(key.getString("key"));
        KEY_IDS.add(key.getString("id"));
        return key;
    }

    @Test
    @Order(1)
    void adminCreatesAnAccountAndAKeyThatIsShownOnceAndWorks() {
        String name = "team-" + UUID.randomUUID();
        HttpResponse<String> account = client.admin("POST", "/admin/v1/accounts", "{\"name\": \"" + name + "\"}");
        assertEquals(201, account.statusCode(), account.body());
        String accountId = Gateway.json(account).getString("id");
        assertTrue(client.admin("GET", "/admin/v1/accounts", null).body().contains(accountId));

        JsonObject key = key("{\"account\": \"" + name + "\", \"name\": \"ci\", \"models\": [\"it-basic\"], "
                + "\"rate_limit\": {\"requests_per_minute\": 60, \"tokens_per_minute\": 100000}, "
                + "\"expires_at\": null}");
        String secret = key.getString("key");
        assertTrue(KeyFormat.isWellFormed(secret), secret);
        assertEquals(secret.substring(0, 11), key.getString("prefix"));
        assertEquals(accountId, key.getString("account"));
        assertEquals(60, key.getJsonObject("rate_limit").getInt("requests_per_minute"));

        HttpResponse<String> own = client.withKey("GET", "/v1/key", secret);
        assertEquals(200, own.statusCode(), own.body());
        JsonObject data = Gateway.json(own).getJsonObject("data");
        assertEquals("ci", data.getString("name"));
        assertEquals(key.getString("prefix"), data.getString("prefix"));
        assertEquals("0", data.getString("usage"));
        assertEquals("it-basic", data.getJsonArray("models").getString(0));
        assertEquals(100000, data.getJsonObject("rate_limit").getInt("tokens_per_minute"));
        assertFalse(own.body().contains(secret.substring(11)), "the secret is never shown again");

        HttpResponse<String> list = client.admin("GET", "/admin/v1/keys?account=" + accountId, null);
        assertEquals(200, list.statusCode(), list.body());
        JsonObject listed = Gateway.json(list).getJsonArray("data").getJsonObject(0);
        assertEquals(key.getString("id"), listed.getString("id"));
        assertFalse(listed.containsKey("key"));
        assertFalse(list.body().contains(secret.substring(11)), "listing shows no secrets");
    }

    @Test
    @Order(2)
    void everyBadAdminInputIsA400NamingTheParam() {
        String account = account();
        Map<String, String> cases = Map.of(
                "{\"account\": \"acct_nope\", \"name\": \"k\"}", "account",
                "{\"account\": \"" + account + "\", \"name\": \"k\", \"models\": [\"it-basic\", \"gpt-nope\"]}",
                "models[1]",
                "{\"account\": \"" + account + "\", \"name\": \"k\", \"rate_limit\": {\"requests_per_minute\": -1}}",
                "rate_limit.requests_per_minute",
                "{\"account\": \"" + account + "\", \"name\": \"k\", \"expires_at\": \"next week\"}", "expires_at",
                "{\"account\": \"" + account + "\", \"name\": 42}", "name");
        cases.forEach((body, param) -> {
            JsonObject error = client.error(client.admin("POST", "/admin/v1/keys", body), 400);
            assertEquals(param, error.getString("param"), body);
        });
        assertEquals("invalid_json", client.error(client.admin("POST", "/admin/v1/keys", "{not json"), 400)
                .getString("code"));
        assertEquals("name", client.error(client.admin("POST", "/admin/v1/accounts", "{\"name\": [1]}"), 400)
                .getString("param"));
        client.error(client.adminTyped("POST", "/admin/v1/keys", "text/plain", "account=x"), 415);
        client.error(client.admin("DELETE", "/admin/v1/keys/key_nope", null), 404);
        String twice = "{\"name\": \"team-" + UUID.randomUUID() + "\"}";
        assertEquals(201, client.admin("POST", "/admin/v1/accounts", twice).statusCode());
        assertEquals("account_exists", client.error(client.admin("POST", "/admin/v1/accounts", twice), 409)
                .getString("code"));
    }

    @Test
    @Order(3)
    void revocationTakesEffectImmediatelyOnThisInstance() {
        JsonObject key = key("{\"account\": \"" + account() + "\", \"name\": \"to-revoke\"}");
        String secret = key.getString("key");
        assertEquals(200, client.withKey("GET", "/v1/key", secret).statusCode());
        HttpResponse<String> revoked = client.admin("DELETE", "/admin/v1/keys/" + key.getString("id"), null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(Gateway.json(revoked).getBoolean("revoked"));
        client.unauthorized(client.withKey("GET", "/v1/key", secret));
    }

    @Test
    @Order(4)
    void anExpiredKeyIsRefused() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String secret = key("{\"account\": \"" + account() + "\", \"name\": \"short\", \"expires_at\": \"" + expiry
                + "\"}").getString("key");
        assertEquals(200, client.withKey("GET", "/v1/key", secret).statusCode());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1100);
        client.unauthorized(client.withKey("GET", "/v1/key", secret));
    }

    @Test
    @Order(5)
    void everyFailedAuthenticationGetsTheSame401() {
        String unknown = KeyFormat.generate();
        List<String> authorizations = new ArrayList<>(List.of("", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ",
                "Bearer altllm-nonsense", "Bearer " + unknown, "bearer " + unknown.toUpperCase(),
                "Bearer ' OR '1'='1' --", "Bearer altllm-x'; DROP TABLE api_keys; --",
                "Bearer " + "A".repeat(10 * 1024)));
        String revokedSecret = SECRETS.get(1);
        authorizations.add("Bearer " + revokedSecret);
        String first = null;
        for (String authorization : authorizations) {
            HttpResponse<String> response = client.withAuthorization("GET", "/v1/key", authorization);
            client.unauthorized(response);
            first = first == null ? response.body() : first;
            assertEquals(first, response.body(), "one body for every failure: " + authorization);
        }
        assertEquals(200, client.withKey("GET", "/v1/key", SECRETS.get(0)).statusCode(), "the table survived");
    }

    @Test
    @Order(6)
    void authorizationIgnoresTheHostHeaderAndApiKeysNeverOpenTheAdminApi() {
        String secret = SECRETS.get(0);
        client.unauthorized(client.withKey("GET", "/admin/v1/keys", secret));
        assertTrue(client.rawStatusLine("/admin/v1/keys", "admin.internal", null).contains(" 401"));
        assertTrue(client.rawStatusLine("/v1/key", "localhost", null).contains(" 401"));
        assertTrue(client.rawStatusLine("/v1/key", "evil.example", secret).contains(" 200"));
    }

    @Test
    @Order(7)
    void everyNonPublicRouteRefusesACallWithoutAKey() {
        int checked = 0;
        for (Routes.Route route : Routes.all(GatewayApplication.RESOURCES)) {
            if (!route.isPublic()) {
                String path = route.path().replaceAll("\\{[^}]+}", "key_0000");
                HttpResponse<String> response = client.anonymous(route.method(), path);
                if (path.startsWith("/portal/api/")) {
                    // Portal routes want a signed-in session (and, to change anything, the CSRF header).
                    assertTrue(response.statusCode() == 401 || response.statusCode() == 403, path + ": "
                            + response.statusCode());
                    assertTrue(response.body().contains("\"code\":\"session_required\"")
                            || response.body().contains("\"code\":\"csrf_header_missing\""), response.body());
                } else {
                    client.unauthorized(response);
                }
                checked++;
            }
        }
        assertTrue(checked >= 6, "the inventory lists the key and admin routes");
    }

    @Test
    @Order(8)
    void lastUseIsRecordedInTheNextBatch() throws InterruptedException {
        String id = KEY_IDS.get(0);
        assertEquals(200, client.withKey("GET", "/v1/key", SECRETS.get(0)).statusCode());
        JsonObject listed = null;
        for (int i = 0; i < 60 && (listed == null || listed.isNull("last_used_at")); i++) {
            Thread.sleep(250);
            listed = Gateway.json(client.admin("GET", "/admin/v1/keys", null)).getJsonArray("data").stream()
                    .map(JsonObject.class::cast).filter(k -> k.getString("id").equals(id)).findFirst().orElseThrow();
        }
        assertFalse(listed.isNull("last_used_at"), "flushed within " + LastUsed.FLUSH_SECONDS + " s: " + listed);
    }

    /** Issue 18 item 8: the admin API took wrong keys without any throttle. */
    @Test
    @Order(9)
    void wrongAdminKeysFromOneAddressGet429ButTheRightKeyAlwaysWorks() {
        FromAddress guesser = new FromAddress("127.0.0.5", new Gateway(base).uri("/"));
        for (int i = 0; i < 10; i++) {
            FromAddress.Reply wrong = guesser.send("GET", "/admin/v1/keys", null, "Authorization: Bearer guess-" + i);
            assertEquals(401, wrong.status(), wrong.body());
            assertTrue(wrong.body().contains("invalid_api_key"), wrong.body());
        }
        Throttling.assertThrottled(guesser.send("GET", "/admin/v1/keys", null, "Authorization: Bearer guess-10"));
        assertEquals(200, guesser.send("GET", "/admin/v1/keys", null, "Authorization: Bearer " + KeyClient.adminKey())
                .status(), "the right admin key works even from the throttled address");
        FromAddress.Reply elsewhere = new FromAddress("127.0.0.6", new Gateway(base).uri("/")).send("GET",
                "/admin/v1/keys", null, "Authorization: Bearer guess-0");
        assertEquals(401, elsewhere.status(), "another address is not throttled: " + elsewhere.body());
    }

    /** The API-key filter, not only the chat resource, puts the caller on a request's access line. */
    @Test
    @Order(10)
    void aKeyedRequestLeavesAnAccessLineWithItsKeyAndAccount() throws InterruptedException {
        String accountId = account();
        JsonObject key = key("{\"account\": \"" + accountId + "\", \"name\": \"access-log\"}");
        HttpResponse<String> own = client.withKey("GET", "/v1/key", key.getString("key"));
        assertEquals(200, own.statusCode(), own.body());
        String marker = "\"request_id\":\"" + own.headers().firstValue("X-Request-Id").orElseThrow() + "\"";
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            Thread.sleep(100);
            line = ServerLog.text().lines().filter(l -> l.contains(marker)).findFirst().orElse(null);
        }
        assertNotNull(line, "no access line for " + marker);
        JsonObject access = Json.createReader(new StringReader(line.substring(line.indexOf("{\"time\""),
                line.lastIndexOf('}') + 1))).readObject();
        assertTrue(access.getString("path").endsWith("/v1/key"), line);
        assertEquals(key.getString("id"), access.getString("key_id", null), line);
        assertEquals(accountId, access.getString("account_id", null), line);
    }

    @Test
    @Order(100)
    void theServerLogNamesKeyIdsButNeverASecret() throws InterruptedException {
        assertTrue(SECRETS.size() >= 3, "the tests above created keys");
        String log = ServerLog.text();
        for (int i = 0; i < 50 && !KEY_IDS.stream().allMatch(log::contains); i++) {
            Thread.sleep(100);
            log = ServerLog.text();
        }
        assertTrue(log.contains("Created API key"), "the captured log is the server's: " + ServerLog.capture());
        for (String id : KEY_IDS) {
            assertTrue(log.contains(id), "key ids are logged: " + id);
        }
        for (String secret : SECRETS) {
            assertNotNull(secret);
            assertFalse(log.contains(secret.substring(KeyFormat.PREFIX.length())), "a key leaked into the log");
        }
    }
}
