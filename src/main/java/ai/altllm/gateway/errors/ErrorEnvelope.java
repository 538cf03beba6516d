package ai.altllm.gateway.errors;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of the whole gateway: {@code {"error":{"message","type","param","code"}}}. */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static JsonObject of(String message, String type, String param, String code) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
        nullable(error, "param", param);
        nullable(error, "code", code);
        return JSON.createObjectBuilder().add("error", error).build();
    }

    public static JsonObject of(ApiException e) {
        return of(e.getMessage(), e.type(), e.param(), e.code());
    }

    public static Response response(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(of(e).toString());
        e.headers().forEach(response::header);
        return response.build();
    }

    private static void nullable(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }
}
