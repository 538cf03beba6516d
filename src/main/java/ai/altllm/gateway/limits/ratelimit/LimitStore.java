package ai.altllm.gateway.limits.ratelimit;

/**
 * Where limit state lives: in this JVM for a single instance, or in the cluster so that several instances enforce
 * one limit. Implementations must answer admission without I/O on the request path where they can.
 */
public interface LimitStore {

    /** Admits one request reserving {@code reservedTokens} (prompt estimate + max output), or says which limit refused. */
    Admission admit(String keyId, Limits limits, long reservedTokens);

    /** Corrects the reservation to what the request really used, and ends it (frees its concurrency slot). */
    void settle(String keyId, long reservedTokens, long actualTokens);

    /** The current figures, for headers on responses that reserved nothing. */
    Admission peek(String keyId, Limits limits);
}
