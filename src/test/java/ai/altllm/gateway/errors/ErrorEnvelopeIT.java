package ai.altllm.gateway.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every failure, the framework's included, answers with the one OpenAI error envelope and a request id. */
@ExtendWith(ArquillianExtension.class)
class ErrorEnvelopeIT {

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

    private static JsonObject envelope(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "x-request-id on every response");
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        assertFalse(response.body().contains("Exception"), "no stack traces or class names: " + response.body());
        return Gateway.json(response).getJsonObject("error");
    }

    @Test
    void unknownPathsAre404() {
        for (String path : new String[] {"/v1/nope", "/nope", "/v2/models", "/v1/chat/completions/extra"}) {
            JsonObject error = envelope(gateway.get(path), 404);
            assertEquals("not_found", error.getString("code"));
            assertTrue(error.getString("message").contains(path), error.toString());
        }
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = gateway.request("DELETE", "/v1/models", null, null);
        JsonObject error = envelope(response, 405);
        assertEquals("method_not_allowed", error.getString("code"));
        assertTrue(response.headers().firstValue("Allow").orElseThrow().contains("GET"));
        envelope(gateway.request("POST", "/health", "application/json", "{}"), 405);
    }

    @Test
    void encodedTraversalAndOddPathsStayInsideTheEnvelope() {
        envelope(gateway.get("/v1/models/%2e%2e/%2e%2e/WEB-INF/web.xml"), 404);
        envelope(gateway.get("/WEB-INF/web.xml"), 404);
    }

    @Test
    void requestIdIsEchoedWhenWellFormedAndReplacedOtherwise() {
        HttpResponse<String> kept = gateway.send(HttpRequest.newBuilder(gateway.uri("/health"))
                .header("X-Request-Id", "client-trace-0001"));
        assertEquals("client-trace-0001", kept.headers().firstValue("X-Request-Id").orElseThrow());
        HttpResponse<String> replaced = gateway.send(HttpRequest.newBuilder(gateway.uri("/health"))
                .header("X-Request-Id", "bad id with spaces"));
        assertTrue(replaced.headers().firstValue("X-Request-Id").orElseThrow().startsWith("req_"));
        HttpResponse<String> fresh = gateway.get("/v1/models");
        HttpResponse<String> other = gateway.get("/v1/models");
        assertFalse(fresh.headers().firstValue("X-Request-Id").equals(other.headers().firstValue("X-Request-Id")));
    }
}
