package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real API keys for integration tests, issued through the admin API (failsafe sets ALTLLM_ADMIN_KEY). */
public final class TestKeys {

    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** One unrestricted key per deployed gateway, created on first use. */
    public static String apiKey(Gateway gateway) {
        return SHARED.computeIfAbsent(gateway.uri("/").toString(), base -> create(gateway, "it-shared"));
    }

    /** A fresh unrestricted key in a fresh account whose name starts with {@code name}. */
    public static String create(Gateway gateway, String name) {
        return create(gateway, name, "");
    }

    /**
     * A fresh key in a fresh account; {@code extraFields} are added to the key request as they stand, e.g.
     * {@code ,"models":["it-basic"]}.
     */
    public static String create(Gateway gateway, String name, String extraFields) {
        return issue(gateway, name, "", extraFields).key();
    }

    /** An account (its id) and a key in it. */
    public record Issued(String account, String key) {
    }

    /**
     * A fresh account with {@code accountFields} (e.g. {@code ,"budget":"prepaid"}) and a key in it with
     * {@code keyFields}, both added to the requests as they stand.
     */
    public static Issued issue(Gateway gateway, String name, String accountFields, String keyFields) {
        String account = name + "-" + Long.toString(System.nanoTime(), 36);
        String id = Gateway.json(admin(gateway, "/admin/v1/accounts", "{\"name\":\"" + account + "\""
                + accountFields + "}")).getString("id");
        return new Issued(id, Gateway.json(admin(gateway, "/admin/v1/keys", "{\"account\":\"" + account
                + "\",\"name\":\"" + name + "\"" + keyFields + "}")).getString("key"));
    }

    /** Calls the admin API; the response must be {@code 201}. */
    public static HttpResponse<String> adminPost(Gateway gateway, String path, String body) {
        return admin(gateway, path, body);
    }

    /** A fresh account (optionally with a portal password, else {@code null}); returns its unique name. */
    public static String account(Gateway gateway, String name, String password) {
        String account = name + "-" + Long.toString(System.nanoTime(), 36);
        admin(gateway, "/admin/v1/accounts", "{\"name\":\"" + account + "\""
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}");
        return account;
    }

    /** A new key in an existing account: the admin API's answer, with {@code id}, {@code account} and {@code key}. */
    public static jakarta.json.JsonObject issue(Gateway gateway, String account, String name) {
        return Gateway.json(admin(gateway, "/admin/v1/keys", "{\"account\":\"" + account + "\",\"name\":\"" + name
                + "\"}"));
    }

    private static HttpResponse<String> admin(Gateway gateway, String path, String body) {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + System.getenv("ALTLLM_ADMIN_KEY"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, response.statusCode(), path + ": " + response.body());
        return response;
    }
}
