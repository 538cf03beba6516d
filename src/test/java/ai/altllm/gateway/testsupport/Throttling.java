package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** What the ITs expect of a throttled sign-in or admin call. */
public final class Throttling {

    private Throttling() {
    }

    /** The 429 with the OpenAI envelope and the first wait that it-config.json sets (30 s). */
    public static void assertThrottled(FromAddress.Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        OpenApiSchemas.assertValid("ErrorResponse", reply.body());
        JsonObject error = Json.createReader(new StringReader(reply.body())).readObject().getJsonObject("error");
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertEquals("rate_limit_error", error.getString("type"));
        long retryAfter = Long.parseLong(reply.headers().get("retry-after"));
        assertTrue(retryAfter >= 20 && retryAfter <= 30, "Retry-After " + retryAfter);
    }
}
