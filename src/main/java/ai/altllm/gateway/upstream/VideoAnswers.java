package ai.altllm.gateway.upstream;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** What both video adapters need to read providers' answers and build their URLs, checked the same way. */
public final class VideoAnswers {

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:~-]{1,200}");

    private VideoAnswers() {
    }

    public static JsonObject object(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw UpstreamErrors.malformed("a video job answer was not a JSON object");
        }
    }

    public static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    /** A job id safe to put into a URL path; anything else means the provider answered nonsense. */
    public static String jobId(JsonObject answer, String fallback) {
        String id = text(answer, "id");
        if (id == null) {
            id = fallback;
        }
        if (id == null || !JOB_ID.matcher(id).matches()) {
            throw UpstreamErrors.malformed("the video job has no usable id");
        }
        return id;
    }

    public static Integer progress(JsonObject answer) {
        return answer.get("progress") instanceof JsonNumber n ? Math.max(0, Math.min(100, n.intValue())) : null;
    }

    /** {@code base_url} + path segments, each encoded. */
    public static URI uri(ProviderConfig provider, String path, String... segments) {
        StringBuilder uri = new StringBuilder(provider.baseUrl().toString().replaceAll("/+$", "")).append(path);
        for (String segment : segments) {
            uri.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(uri.toString());
    }

    public static String key(ProviderConfig provider) {
        return provider.apiKey().value()
                .orElseThrow(() -> new IllegalStateException("provider " + provider.id() + " has no key"));
    }

    /** Maps a 2xx answer, turning a failure to read it into a failed stage rather than a thrown exception. */
    public static <T> CompletionStage<T> read(CompletableFuture<String> answer,
            java.util.function.Function<JsonObject, T> map) {
        return answer.thenApply(body -> map.apply(object(body)));
    }

    public static ApiException unknownStatus(String status) {
        return UpstreamErrors.malformed("unknown video job status '" + status + "'");
    }
}
