package ai.altllm.gateway.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.web.GatewayExceptionMapper;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GatewayExceptionMapperTest {

    private final GatewayExceptionMapper mapper = new GatewayExceptionMapper();

    private static JsonObject error(Response response) {
        assertEquals("application/json", response.getMediaType().toString());
        return Json.createReader(new StringReader((String) response.getEntity())).readObject().getJsonObject("error");
    }

    @Test
    void apiExceptionBecomesTheEnvelopeWithAllFourFields() {
        Response response = mapper.toResponse(ApiException.invalid("temperature", "temperature must be 0-2"));
        assertEquals(400, response.getStatus());
        JsonObject error = error(response);
        assertEquals("temperature must be 0-2", error.getString("message"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("temperature", error.getString("param"));
        assertEquals("invalid_value", error.getString("code"));
    }

    @Test
    void nullParamIsWrittenAsJsonNull() {
        JsonObject error = error(mapper.toResponse(ErrorKind.UNAVAILABLE.error("provider_unavailable", "set X")));
        assertTrue(error.isNull("param"));
        assertEquals("service_unavailable", error.getString("type"));
    }

    @Test
    void frameworkNotFoundBecomesEnvelope() {
        Response response = mapper.toResponse(new NotFoundException());
        assertEquals(404, response.getStatus());
        assertEquals("not_found", error(response).getString("code"));
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] {"OPTIONS"}));
        assertEquals(405, response.getStatus());
        assertTrue(response.getHeaderString("Allow").contains("GET"));
        assertEquals("method_not_allowed", error(response).getString("code"));
    }

    @Test
    void frameworkStatusWithoutAKindKeepsItsStatus() {
        Response response = mapper.toResponse(new WebApplicationException(418));
        assertEquals(418, response.getStatus());
        JsonObject error = error(response);
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("invalid_request", error.getString("code"));
    }

    @Test
    void responsesThatAlreadyCarryAnEnvelopePassThrough() {
        Response ready = ErrorEnvelope.response(ErrorKind.RATE_LIMITED.error("rate_limit_exceeded", "slow down"));
        assertEquals(ready, mapper.toResponse(new WebApplicationException(ready)));
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() {
        Response response = mapper.toResponse(new IllegalStateException("db password is hunter2"));
        assertEquals(500, response.getStatus());
        JsonObject error = error(response);
        assertEquals("server_error", error.getString("type"));
        assertEquals("internal_error", error.getString("code"));
        assertFalse(error.getString("message").contains("hunter2"));
        assertFalse(error.getString("message").contains("IllegalStateException"));
    }
}
