package ai.altllm.gateway.accesslog;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.usage.UsageEvent;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Formats an {@link AccessRecord} as one line of JSON. */
final class AccessLine {

    private AccessLine() {
    }

    static String of(AccessRecord r) {
        StringWriter text = new StringWriter(384);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject()
                    .write("time", Instant.ofEpochMilli(r.finishedAtMillis).toString())
                    .write("request_id", r.requestId)
                    .write("method", r.method)
                    .write("path", r.path)
                    .write("status", r.status)
                    .write("latency_ms", TimeUnit.NANOSECONDS.toMillis(r.latencyNanos));
            optional(json, "key_id", r.keyId);
            optional(json, "account_id", r.accountId);
            UsageEvent usage = r.usage;
            optional(json, "model", usage != null ? usage.model() : r.model);
            if (usage != null) {
                json.write("provider", usage.provider())
                        .write("deployment", usage.deployment())
                        .write("outcome", usage.outcome())
                        .write("upstream_latency_ms", usage.latencyMillis());
                if (usage.firstTokenMillis() >= 0) {
                    json.write("first_token_ms", usage.firstTokenMillis());
                }
                json.write("prompt_tokens", usage.promptTokens())
                        .write("completion_tokens", usage.completionTokens())
                        .write("estimated", usage.estimated())
                        .write("cost", usage.cost().toPlainString());
            }
            if (r.prompt != null) {
                json.write("prompt", r.prompt);
                StringBuilder completion = r.completion;
                if (completion != null) {
                    synchronized (completion) {
                        json.write("completion", completion.toString());
                    }
                }
            }
            json.writeEnd();
        }
        return text.toString();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }
}
