package ai.altllm.gateway.usage;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.web.Paging;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the query parameters both usage endpoints share, with an OpenAI 400 naming any bad one. */
final class UsageQuery {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private UsageQuery() {
    }

    /** Accepts ISO-8601 instants ({@code 2026-11-25T00:00:00Z}) or Unix seconds. */
    static Instant time(String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(value))
                    : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.invalid(param, param + " must be an ISO-8601 instant or Unix seconds, got '"
                    + value + "'");
        }
    }

    static int limit(String value) {
        return Paging.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }
}
