package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTest {

    @Test
    void onlyTheBearerSchemeYieldsAToken() {
        assertEquals("altllm-abc", Bearer.token("Bearer altllm-abc"));
        assertEquals("altllm-abc", Bearer.token("bearer   altllm-abc "));
        assertEquals("", Bearer.token("Bearer "));
        assertNull(Bearer.token(null));
        assertNull(Bearer.token("Bearer"));
        assertNull(Bearer.token("Basic dXNlcjpwYXNz"));
        assertNull(Bearer.token("altllm-abc"));
    }

    @Test
    void theOne401CarriesTheChallengeAndTheEnvelope() {
        var response = Bearer.unauthorized();
        assertEquals(401, response.getStatus());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
        assertEquals("{\"error\":{\"message\":\"Invalid API key. Send a key issued by this gateway as 'Authorization: "
                + "Bearer <key>'.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
                response.getEntity());
    }
}
