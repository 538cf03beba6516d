package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** HTTP calls the key ITs make: as the operator, with an API key, or with nothing. */
final class KeyClient {

    private final Gateway gateway;

    KeyClient(Gateway gateway) {
        this.gateway = gateway;
    }

    static String adminKey() {
        String key = System.getenv("ALTLLM_ADMIN_KEY");
        assertTrue(key != null && !key.isBlank(), "failsafe sets ALTLLM_ADMIN_KEY for the server and the tests");
        return key;
    }

    HttpResponse<String> admin(String method, String path, String json) {
        return adminTyped(method, path, json == null ? null : "application/json", json);
    }

    HttpResponse<String> adminTyped(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, "Bearer " + adminKey());
    }

    HttpResponse<String> withKey(String method, String path, String key) {
        return withAuthorization(method, path, "Bearer " + key);
    }

    HttpResponse<String> withAuthorization(String method, String path, String authorization) {
        return send(method, path, null, null, authorization.isEmpty() ? null : authorization);
    }

    /** A call without credentials; bodies are valid JSON so that only the missing key can be the problem. */
    HttpResponse<String> anonymous(String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return send(method, path, body ? "application/json" : null, body ? "{}" : null, null);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body,
            String authorization) {
        // HTTP/1.1 as API clients send it: java.net.http's h2c upgrade has its own, smaller header limits.
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).version(HttpClient.Version.HTTP_1_1)
                .method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.send(request);
    }

    JsonObject error(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        return Gateway.json(response).getJsonObject("error");
    }

    void unauthorized(HttpResponse<String> response) {
        assertEquals("invalid_api_key", error(response, 401).getString("code"));
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow setting. */
    String rawStatusLine(String path, String host, String key) {
        URI uri = gateway.uri(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
