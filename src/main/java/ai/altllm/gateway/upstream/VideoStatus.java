package ai.altllm.gateway.upstream;

/** The one status model every video upstream is mapped to; the wire name is what clients see. */
public enum VideoStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, EXPIRED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    public static VideoStatus fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
