package ai.altllm.gateway.usage;

import ai.altllm.gateway.db.BatchWriter;
import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.shutdown.ShutdownStep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Collects usage events in memory and writes them in batches on one background thread: the request path never waits
 * for the database. Flushes what is left when the application stops.
 */
@ApplicationScoped
public class UsageWriter implements UsageSink, ShutdownStep {

    /** Bounded so a long database outage costs memory up to a limit, then counted drops. */
    private static final int CAPACITY = 200_000;

    @Inject
    Database database;

    private BatchWriter<UsageRow> writer;

    @PostConstruct
    void start() {
        writer = new BatchWriter<>("usage records", CAPACITY, batch -> UsageRepository.insert(database.dataSource(),
                batch));
    }

    @Override
    public void accept(UsageEvent event) {
        writer.add(new UsageRow(event, Instant.now()));
    }

    /** Writes everything queued so far; used by the scheduler, at shutdown, and by tests that need rows now. */
    public void flush() {
        writer.flush();
    }

    public int pendingCount() {
        return writer.pendingCount();
    }

    @Override
    public int order() {
        return FLUSH_RECORDS;
    }

    @Override
    public String name() {
        return "usage records";
    }

    /**
     * The shutdown step: run by the drain once no request is left, before any application bean (the database pool
     * included) is destroyed, so the last rows still land.
     */
    @Override
    public void run() {
        stop();
    }

    // No "throws": a @PreDestroy declaring a checked exception breaks deployment on Payara.
    @PreDestroy
    void stop() {
        writer.stop();
    }
}
