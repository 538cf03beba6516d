package ai.altllm.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.errors.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {

    @Test
    void clientErrorsKeepStatusAndMessage() {
        ApiException e = UpstreamErrors.status(429,
                "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}");
        assertEquals(429, e.status());
        assertEquals("Slow down", e.getMessage());
        assertEquals("rate_limit_error", e.type());
        assertEquals("rate_limit_exceeded", e.code());
    }

    @Test
    void providerFailuresAre502AndNonJsonBodiesAreNotForwarded() {
        ApiException e = UpstreamErrors.status(503, "<html>down</html>");
        assertEquals(502, e.status());
        assertTrue(!e.getMessage().contains("html"), e.getMessage());
        assertEquals(400, UpstreamErrors.status(400, "").status());
        assertEquals(502, UpstreamErrors.status(302, "").status(), "redirects are never followed");
    }

    @Test
    void transportFailuresMapToTimeoutsOrBadGateway() {
        assertEquals(504, UpstreamErrors.transport(new ConnectTimeoutException("x")).status());
        assertEquals(504, UpstreamErrors.transport(new SocketTimeoutException("x")).status());
        assertEquals(502, UpstreamErrors.transport(new ConnectException("refused")).status());
        assertEquals(502, UpstreamErrors.transport(new IOException("reset")).status());
    }
}
