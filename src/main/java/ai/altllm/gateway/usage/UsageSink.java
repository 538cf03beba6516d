package ai.altllm.gateway.usage;

/**
 * Takes each request's {@link UsageEvent} once it has ended. Called on the request's own threads, so an
 * implementation must only hand the event off (queue it), never do I/O. A plain interface rather than a CDI
 * asynchronous event: the server's async event dispatch captures and serialises context per event, which costs more
 * than the rest of a proxied request.
 */
public interface UsageSink {

    void accept(UsageEvent event);
}
