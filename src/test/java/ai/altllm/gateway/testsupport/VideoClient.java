package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the video task endpoints of a deployed gateway with one API key. */
public final class VideoClient {

    public static final String TASKS = "/v1/contents/generations/tasks";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Gateway gateway;
    private final String key;

    public VideoClient(Gateway gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    public VideoClient withKey(String otherKey) {
        return new VideoClient(gateway, otherKey);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + key);
    }

    public HttpResponse<String> create(String body, String idempotencyKey) {
        HttpRequest.Builder request = request(TASKS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return gateway.send(request);
    }

    /** Creates a task the upstream accepts and returns its JSON, asserting the 202. */
    public JsonObject created(String model, int duration, String resolution) {
        HttpResponse<String> response = create(body(model, "A red fox in snow", duration, resolution), null);
        assertEquals(202, response.statusCode(), response.body());
        return Gateway.json(response);
    }

    public static String body(String model, String prompt, int duration, String resolution) {
        return "{\"model\":\"" + model + "\",\"prompt\":\"" + prompt + "\",\"duration\":" + duration
                + ",\"resolution\":\"" + resolution + "\"}";
    }

    public HttpResponse<String> poll(String token) {
        return gateway.send(request(TASKS + "/" + token).GET());
    }

    /** Polls after the gateway's poll cache (300 ms in the IT config) has passed, so the upstream is asked. */
    public JsonObject pollFresh(String token) {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = poll(token);
        assertEquals(200, response.statusCode(), response.body());
        return Gateway.json(response);
    }

    public HttpResponse<String> cancel(String token) {
        return gateway.send(request(TASKS + "/" + token).DELETE());
    }

    public HttpResponse<String> list(String query) {
        return gateway.send(request(TASKS + query).GET());
    }

    public HttpResponse<byte[]> download(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
