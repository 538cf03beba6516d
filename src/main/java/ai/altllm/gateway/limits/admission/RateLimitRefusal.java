package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.limits.ratelimit.Admission;
import ai.altllm.gateway.limits.ratelimit.RateLimitHeaders;

/** The 429 for a refused admission, saying which limit refused and when a retry can succeed. */
final class RateLimitRefusal {

    private RateLimitRefusal() {
    }

    static ApiException of(Admission admission, long requestedTokens) {
        String wait = RateLimitHeaders.duration(admission.retryAfterNanos());
        String message = switch (admission.refused()) {
            case "requests" -> "Rate limit reached for requests per minute (limit " + admission.requests().limit()
                    + ") on this API key. Try again in " + wait + ".";
            case "tokens" -> "Rate limit reached for tokens per minute (limit " + admission.tokens().limit()
                    + ", remaining " + admission.tokens().remaining() + ", requested " + requestedTokens
                    + ": the prompt estimate plus max_tokens) on this API key. Try again in " + wait
                    + ", or ask for fewer tokens.";
            default -> "Too many concurrent requests on this API key. Try again when one has finished.";
        };
        return ErrorKind.RATE_LIMITED.error("rate_limit_exceeded", message);
    }
}
