package ai.altllm.gateway.shutdown;

/**
 * Work that must finish before the application stops, once no request is running any more: typically writing
 * records still queued in memory. Any CDI bean implementing this is found and run by {@link Drain}, lowest
 * {@link #order()} first, each exactly once, before any application bean (the database pool included) is destroyed.
 */
public interface ShutdownStep {

    /** Writing queued records (usage, ledger): they only need the database, which is still open. */
    int FLUSH_RECORDS = 100;
    /** Closing what the flushes above may still have needed. */
    int RELEASE_RESOURCES = 900;

    int order();

    /** Short name for the shutdown log. */
    String name();

    /** Does the work; must not block much longer than a few seconds, and reports its own failures. */
    void run();
}
