package ai.altllm.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.FromAddress;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.NodeScript;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.Throttling;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal in a real headless Chromium (Playwright), plus its guards checked over plain HTTP. */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

    @ArquillianResource
    URL base;

    Gateway gateway;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Gateway.war();
    }

    @BeforeEach
    void connect() {
        gateway = new Gateway(base);
    }

    private HttpResponse<String> post(String path, String body, boolean csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfHeader) {
            request.header("X-AltLLM-Portal", "1");
        }
        return gateway.send(request);
    }

    @Test
    void signInCreateSeeOnceUseRevokeInChromium() throws Exception {
        String output = NodeScript.run("portal.e2e.mjs", Duration.ofSeconds(180), base.toString(),
                System.getenv("ALTLLM_ADMIN_KEY"));
        assertTrue(output.contains("portal e2e: ok"), output);
    }

    /** Screenshots of the Usage and API Keys pages, desktop and 390 px wide, land in target/portal-screenshots. */
    @Test
    void usagePageShowsChatTrafficPerDayKeyAndModelInChromium() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start(Integer.getInteger("upstream.port"))) {
            upstream.enqueueChat("one", 12, 30);
            upstream.enqueueChat("two", 12, 30);
            String output = NodeScript.run("usage.e2e.mjs", Duration.ofSeconds(180), base.toString(),
                    System.getenv("ALTLLM_ADMIN_KEY"),
                    Path.of("target", "portal-screenshots").toAbsolutePath().toString());
            assertTrue(output.contains("usage e2e: ok"), output);
        }
    }

    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = gateway.get("/portal/keys.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertTrue(page.body().contains("API Keys"));
        assertEquals(404, gateway.get("/portal/../WEB-INF/web.xml").statusCode());
        assertEquals(303, gateway.get("/").statusCode(), "the root leads to the portal");
    }

    @Test
    void apiNeedsASessionAndChangesNeedTheCsrfHeader() {
        HttpResponse<String> noSession = gateway.get("/portal/api/keys");
        assertEquals(401, noSession.statusCode());
        assertTrue(noSession.body().contains("session_required"));
        HttpResponse<String> noHeader = post("/portal/api/keys", "{\"name\":\"x\"}", false);
        assertEquals(403, noHeader.statusCode());
        assertTrue(noHeader.body().contains("csrf_header_missing"));
        HttpResponse<String> forgedLogin = post("/portal/api/session", "{\"account\":\"admin\",\"password\":\"x\"}",
                false);
        assertEquals(403, forgedLogin.statusCode(), "sign-in itself needs the header too");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerAccount() {
        String body = "{\"account\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password-123\"}";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = post("/portal/api/session", body, true);
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("invalid_credentials"));
        }
        HttpResponse<String> throttled = post("/portal/api/session", body, true);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    }

    private FromAddress.Reply signIn(FromAddress client, String account, String password) {
        return client.send("POST", "/portal/api/session", "{\"account\":\"" + account + "\",\"password\":\""
                + password + "\"}", "X-AltLLM-Portal: 1");
    }

    private HttpResponse<String> signIn(String account, String password) {
        return post("/portal/api/session", "{\"account\":\"" + account + "\",\"password\":\"" + password + "\"}",
                true);
    }

    /** Issue 18 item 8: wrong passwords for a name used to lock that name for everyone for 15 minutes. */
    @Test
    void wrongPasswordsFromAnotherAddressNeverLockOutTheUserOrTheOperator() {
        String user = "throttled-" + System.nanoTime();
        HttpResponse<String> created = gateway.send(HttpRequest.newBuilder(gateway.uri("/admin/v1/accounts"))
                .header("Authorization", "Bearer " + System.getenv("ALTLLM_ADMIN_KEY"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + user + "\",\"password\":\"the right password\"}")));
        assertEquals(201, created.statusCode(), created.body());
        FromAddress attacker = new FromAddress("127.0.0.2", gateway.uri("/"));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(attacker, user, "guess-" + i).status());
        }
        Throttling.assertThrottled(signIn(attacker, user, "guess-5"));
        HttpResponse<String> own = signIn(user, "the right password");
        assertEquals(200, own.statusCode(), "the user signs in from their own address: " + own.body());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(attacker, "admin", "wrong-admin-key-" + i).status());
        }
        Throttling.assertThrottled(signIn(attacker, "admin", "wrong-admin-key-5"));
        HttpResponse<String> operator = signIn("admin", System.getenv("ALTLLM_ADMIN_KEY"));
        assertEquals(200, operator.statusCode(), operator.body());
        assertTrue(operator.body().contains("\"admin\":true"), operator.body());
        assertEquals(200, signIn(attacker, "admin", System.getenv("ALTLLM_ADMIN_KEY")).status(),
                "the admin key is never throttled, even from the throttled address");
    }

    /** Issue 18 item 8: 40 names were guessed in 3 s with no per-client limit. */
    @Test
    void manyWrongNamesFromOneAddressGet429WithRetryAfter() {
        FromAddress guesser = new FromAddress("127.0.0.3", gateway.uri("/"));
        for (int i = 0; i < 10; i++) {
            FromAddress.Reply wrong = signIn(guesser, "nobody-" + i + "-" + System.nanoTime(), "guess-password");
            assertEquals(401, wrong.status(), wrong.body());
            assertTrue(wrong.body().contains("invalid_credentials"));
        }
        Throttling.assertThrottled(signIn(guesser, "nobody-else-" + System.nanoTime(), "guess-password"));
        FromAddress.Reply elsewhere = signIn(new FromAddress("127.0.0.4", gateway.uri("/")), "nobody-at-all",
                "guess-password");
        assertEquals(401, elsewhere.status(), "another address is not throttled: " + elsewhere.body());
    }
}
