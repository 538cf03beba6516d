package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/** An account's credit ledger as the admin API answers it, for integration tests. */
public final class Ledgers {

    private Ledgers() {
    }

    /** The account's ledger, newest row first, up to 10,000 rows. */
    public static JsonObject read(Gateway gateway, String account) {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/admin/v1/accounts/"
                + account + "/credits?limit=10000")).header("Authorization", "Bearer "
                        + System.getenv("ALTLLM_ADMIN_KEY"))
                .GET());
        assertEquals(200, response.statusCode(), response.body());
        return Gateway.json(response);
    }

    /** How many rows of each kind the ledger holds. */
    public static Map<String, Long> kinds(JsonObject ledger) {
        return ledger.getJsonArray("data").stream().collect(Collectors.groupingBy(
                row -> row.asJsonObject().getString("kind"), Collectors.counting()));
    }
}
