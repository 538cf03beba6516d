package ai.altllm.gateway.accesslog;

import ai.altllm.gateway.usage.UsageEvent;
import jakarta.servlet.ServletRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What one request did, filled in by the components it passes (authentication, chat) and finished when both the
 * HTTP exchange and, for a chat request, its usage settlement have ended, whichever is last.
 */
public final class AccessRecord {

    static final String ATTRIBUTE = "ai.altllm.accessRecord";

    final long startNanos = System.nanoTime();
    final String requestId;
    final String method;
    final String path;
    /** A GET of the health endpoints, whose successful answers are not logged. */
    final boolean probe;
    private final Consumer<AccessRecord> finisher;
    private final AtomicInteger pending = new AtomicInteger(1);
    volatile String keyId;
    volatile String accountId;
    volatile String model;
    volatile boolean chat;
    volatile UsageEvent usage;
    volatile String prompt;
    volatile StringBuilder completion;
    volatile int status;
    volatile long latencyNanos;
    /** When the record was finished (the line is written a moment later, by the access log's own thread). */
    volatile long finishedAtMillis;

    AccessRecord(String requestId, String method, String path, boolean probe, Consumer<AccessRecord> finisher) {
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.probe = probe;
        this.finisher = finisher;
    }

    /** The record of this request, or a detached one that logs nothing when the access-log filter did not run. */
    public static AccessRecord of(ServletRequest request) {
        Object record = request == null ? null : request.getAttribute(ATTRIBUTE);
        return record instanceof AccessRecord r ? r : new AccessRecord("unknown", "", "", false, r -> {});
    }

    /** A health probe (GET of /health or /health/...) that answered below 400. */
    boolean passedProbe() {
        return probe && status < 400;
    }

    public String requestId() {
        return requestId;
    }

    public void caller(String keyId, String accountId) {
        this.keyId = keyId;
        this.accountId = accountId;
    }

    /** Marks a chat request; {@code model} is the catalog id once known, else {@code null}. */
    public void chat(String model) {
        this.chat = true;
        this.model = model;
    }

    /** A usage settlement will follow; the line waits for it. Call once, before the chat call starts. */
    public void expectUsage() {
        pending.incrementAndGet();
    }

    public void settled(UsageEvent event) {
        usage = event;
        arrive();
    }

    /**
     * Logs this request's prompt and completion text too (only for accounts an operator named).
     *
     * @return the buffer the completion text is to be appended to
     */
    public StringBuilder capture(String promptJson) {
        prompt = promptJson;
        StringBuilder text = new StringBuilder();
        completion = text;
        return text;
    }

    void ended(int httpStatus) {
        status = httpStatus;
        latencyNanos = System.nanoTime() - startNanos;
        arrive();
    }

    private void arrive() {
        if (pending.decrementAndGet() == 0) {
            finishedAtMillis = System.currentTimeMillis();
            finisher.accept(this);
        }
    }
}
