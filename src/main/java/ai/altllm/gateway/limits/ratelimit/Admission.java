package ai.altllm.gateway.limits.ratelimit;

/**
 * The verdict for one request and the figures its response headers report.
 *
 * @param refused which limit refused it ({@code requests}, {@code tokens}, {@code concurrency}), or null if admitted
 * @param retryAfterNanos how long until a retry could succeed, when refused
 */
public record Admission(String refused, long retryAfterNanos, Window requests, Window tokens) {

    /** One limit's state as the headers show it; {@code limit} 0 means unlimited and no headers. */
    public record Window(long limit, long remaining, long resetNanos) {

        static final Window UNLIMITED = new Window(0, 0, 0);
    }

    public boolean admitted() {
        return refused == null;
    }
}
