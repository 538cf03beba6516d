package ai.altllm.gateway.ratelimit;

import java.util.function.BiConsumer;

/**
 * Writes the API reference's {@code X-RateLimit-*} headers (requests per minute, reset as a Unix timestamp) and
 * OpenAI's {@code x-ratelimit-*-requests|tokens} headers (reset as a duration like {@code 1s} or {@code 6m0s}).
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void write(Admission admission, long nowEpochMillis, BiConsumer<String, String> header) {
        Admission.Window requests = admission.requests();
        if (requests.limit() > 0) {
            header.accept("X-RateLimit-Limit", Long.toString(requests.limit()));
            header.accept("X-RateLimit-Remaining", Long.toString(requests.remaining()));
            header.accept("X-RateLimit-Reset",
                    Long.toString(Math.floorDiv(nowEpochMillis + requests.resetNanos() / 1_000_000 + 999, 1000)));
            openAi(header, "requests", requests);
        }
        if (admission.tokens().limit() > 0) {
            openAi(header, "tokens", admission.tokens());
        }
        if (!admission.admitted()) {
            header.accept("Retry-After", Long.toString(Math.max(1, (admission.retryAfterNanos() + 999_999_999)
                    / 1_000_000_000)));
            header.accept("retry-after-ms", Long.toString(Math.max(1, (admission.retryAfterNanos() + 999_999)
                    / 1_000_000)));
        }
    }

    private static void openAi(BiConsumer<String, String> header, String kind, Admission.Window window) {
        header.accept("x-ratelimit-limit-" + kind, Long.toString(window.limit()));
        header.accept("x-ratelimit-remaining-" + kind, Long.toString(window.remaining()));
        header.accept("x-ratelimit-reset-" + kind, duration(window.resetNanos()));
    }

    /** Go-style durations as OpenAI sends them: {@code 0s}, {@code 20ms}, {@code 1s}, {@code 1.5s}, {@code 6m0s}. */
    public static String duration(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        long totalMillis = (nanos + 999_999) / 1_000_000;
        long hours = totalMillis / 3_600_000;
        long minutes = totalMillis / 60_000 % 60;
        String seconds = trim(totalMillis % 60_000 / 1000.0) + "s";
        return hours > 0 ? hours + "h" + minutes + "m" + seconds : minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    private static String trim(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.3f", Math.ceil(value * 1000) / 1000);
        return text.replaceAll("\\.?0+$", "");
    }
}
