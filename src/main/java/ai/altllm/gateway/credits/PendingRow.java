package ai.altllm.gateway.credits;

/**
 * A ledger row waiting in the write queue. Most rows are final when queued; a reservation's row is decided when the
 * writer takes it, because a request settled by then is written as one charge instead of two rows.
 */
interface PendingRow {

    /** The row to write; the same row every time it is asked (a failed batch is written again). */
    LedgerEntry entry();

    static PendingRow of(LedgerEntry entry) {
        return () -> entry;
    }
}
