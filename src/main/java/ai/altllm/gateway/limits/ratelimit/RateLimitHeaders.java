package ai.altllm.gateway.limits.ratelimit;

import java.util.function.BiConsumer;

/**
 * Writes the API reference's {@code X-RateLimit-*} headers (requests per minute, reset as a Unix timestamp) and
 * OpenAI's {@code x-ratelimit-*-requests|tokens} headers (reset as a duration like {@code 1s} or {@code 6m0s}).
 */
public final class RateLimitHeaders {

    /** OpenAI's names, limit, remaining and reset, built once rather than on every response. */
    private static final String[] REQUESTS = {"x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests"};
    private static final String[] TOKENS = {"x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
        "x-ratelimit-reset-tokens"};

    private RateLimitHeaders() {
    }

    public static void write(Admission admission, long nowEpochMillis, BiConsumer<String, String> header) {
        Admission.Window requests = admission.requests();
        if (requests.limit() > 0) {
            header.accept("X-RateLimit-Limit", Long.toString(requests.limit()));
            header.accept("X-RateLimit-Remaining", Long.toString(requests.remaining()));
            header.accept("X-RateLimit-Reset",
                    Long.toString(Math.floorDiv(nowEpochMillis + requests.resetNanos() / 1_000_000 + 999, 1000)));
            openAi(header, REQUESTS, requests);
        }
        if (admission.tokens().limit() > 0) {
            openAi(header, TOKENS, admission.tokens());
        }
        if (!admission.admitted()) {
            header.accept("Retry-After", Long.toString(Math.max(1, (admission.retryAfterNanos() + 999_999_999)
                    / 1_000_000_000)));
            header.accept("retry-after-ms", Long.toString(Math.max(1, (admission.retryAfterNanos() + 999_999)
                    / 1_000_000)));
        }
    }

    private static void openAi(BiConsumer<String, String> header, String[] names, Admission.Window window) {
        header.accept(names[0], Long.toString(window.limit()));
        header.accept(names[1], Long.toString(window.remaining()));
        header.accept(names[2], duration(window.resetNanos()));
    }

    /** Go-style durations as OpenAI sends them: {@code 0s}, {@code 20ms}, {@code 1s}, {@code 1.5s}, {@code 6m0s}. */
    public static String duration(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(12);
        if (nanos < 1_000_000_000L) {
            return thousandths(text, (nanos + 999) / 1000).append("ms").toString();
        }
        long totalMillis = (nanos + 999_999) / 1_000_000;
        long hours = totalMillis / 3_600_000;
        long minutes = totalMillis / 60_000 % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return thousandths(text, totalMillis % 60_000).append('s').toString();
    }

    /** Appends {@code value / 1000} with up to three decimals and no trailing zeros (this runs on every response). */
    private static StringBuilder thousandths(StringBuilder text, long value) {
        text.append(value / 1000);
        long fraction = value % 1000;
        if (fraction != 0) {
            text.append('.').append((char) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                text.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    text.append((char) ('0' + fraction % 10));
                }
            }
        }
        return text;
    }
}
