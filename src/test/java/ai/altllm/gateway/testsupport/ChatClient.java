package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** Calls {@code POST /v1/chat/completions} of a deployed gateway in integration tests, plain or streamed. */
public final class ChatClient {

    /** A minimal valid request body, left open so a test can add fields and close it. */
    public static final String HELLO = "{\"model\":\"it-basic\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Gateway gateway;

    public ChatClient(URL base) {
        this.gateway = new Gateway(base);
    }

    public Gateway gateway() {
        return gateway;
    }

    /** A real API key of this gateway, issued through the admin API. */
    public String apiKey() {
        return TestKeys.apiKey(gateway);
    }

    /** The request as the tests send it, with a real API key. */
    public HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(gateway.uri("/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> call(String body) {
        return gateway.send(post(body));
    }

    /** Sends a streamed request and reads the whole 200 event stream. */
    public SseFrames stream(String body) {
        return stream(body, frame -> {});
    }

    /** As {@link #stream(String)}, telling {@code onFrame} each frame's payload the moment it arrives. */
    public SseFrames stream(String body, Consumer<String> onFrame) {
        try {
            HttpResponse<InputStream> response = CLIENT.send(post(body).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            return SseFrames.read(response, onFrame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Asserts an OpenAI error envelope with the given status and returns its {@code error} object. */
    public static JsonObject error(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        return Gateway.json(response).getJsonObject("error");
    }
}
