package ai.altllm.gateway.web;

import ai.altllm.gateway.errors.ApiException;

/** The {@code limit} query parameter of list endpoints, with the same 400 everywhere. */
public final class Paging {

    private Paging() {
    }

    /** A whole number from 1 to {@code max}; blank means {@code fallback}. */
    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range number
        }
        throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + max);
    }
}
