package ai.altllm.gateway.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public endpoints of the API reference, on a real Payara Micro with the real WAR. */
@ExtendWith(ArquillianExtension.class)
class PublicEndpointsIT {

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

    @Test
    void healthMatchesTheApiReference() {
        HttpResponse<String> response = gateway.get("/health");
        assertEquals(200, response.statusCode());
        JsonObject body = Gateway.json(response);
        assertEquals("healthy", body.getString("status"));
        assertEquals("altllm-gateway", body.getString("service"));
        assertTrue(body.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), body.toString());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void readinessReportsItsChecks() {
        HttpResponse<String> response = gateway.get("/health/ready");
        assertEquals(200, response.statusCode());
        JsonObject body = Gateway.json(response);
        assertEquals("ready", body.getString("status"));
        assertEquals("ok", body.getJsonObject("checks").getString("lifecycle"));
    }

    @Test
    void modelListIsAnOpenAiListWithFullMetadata() {
        HttpResponse<String> response = gateway.get("/v1/models");
        assertEquals(200, response.statusCode());
        OpenApiSchemas.assertValid("ListModelsResponse", response.body());
        JsonObject basic = Gateway.json(response).getJsonArray("data").getJsonObject(0);
        assertEquals("it-basic", basic.getString("id"));
        assertEquals("IT Basic", basic.getString("name"));
        assertEquals("0.000001", basic.getJsonObject("pricing").getString("prompt"));
        assertEquals(8192, basic.getInt("context_length"));
        assertEquals(1024, basic.getInt("max_output_length"));
        assertEquals("text", basic.getJsonArray("input_modalities").getString(0));
        assertEquals("tools", basic.getJsonArray("supported_features").getString(0));
        assertEquals("temperature", basic.getJsonArray("supported_sampling_parameters").getString(0));
        assertFalse(response.body().contains("upstream-model"), "the upstream mapping must not leak");
        assertFalse(response.body().contains("127.0.0.1"), "provider URLs must not leak");
    }

    @Test
    void oneModelByIdIncludingIdsWithSlashes() {
        HttpResponse<String> response = gateway.get("/v1/models/vendor/slashed-model");
        assertEquals(200, response.statusCode());
        OpenApiSchemas.assertValid("Model", response.body());
        assertEquals("vendor/slashed-model", Gateway.json(response).getString("id"));
        JsonObject video = Gateway.json(gateway.get("/v1/models/it-video"));
        assertEquals("0.05", video.getJsonObject("pricing").getJsonObject("per_second").getString("720p"));
        assertEquals(6, video.getJsonArray("durations").getInt(1));
    }

    @Test
    void unknownModelIs404Envelope() {
        HttpResponse<String> response = gateway.get("/v1/models/no-such-model");
        assertEquals(404, response.statusCode());
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        JsonObject error = Gateway.json(response).getJsonObject("error");
        assertEquals("model_not_found", error.getString("code"));
        assertTrue(error.getString("message").contains("no-such-model"));
    }

    @Test
    void providerDescribesEndpointsFeaturesAndLimits() {
        HttpResponse<String> response = gateway.get("/v1/provider");
        assertEquals(200, response.statusCode());
        JsonObject body = Gateway.json(response);
        assertEquals("AltLLM", body.getString("name"));
        assertEquals(Gateway.json(gateway.get("/health")).getString("version"), body.getString("version"));
        assertTrue(body.getJsonArray("endpoints").stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("path").equals("/v1/models/{id}") && e.getString("auth").equals("none")));
        assertTrue(body.getJsonArray("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("path").startsWith("/portal/api/") && !e.getString("auth").equals("none"))
                .allMatch(e -> e.getString("auth").equals("session")), "portal routes need a session, not a key");
        assertTrue(body.getJsonArray("endpoints").stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("path").equals("/portal/api/accounts")
                        && e.getString("auth").equals("session")));
        assertTrue(body.getJsonArray("features").toString().contains("streaming"));
        assertEquals("api_key", body.getJsonObject("rate_limits").getString("scope"));
    }
}
