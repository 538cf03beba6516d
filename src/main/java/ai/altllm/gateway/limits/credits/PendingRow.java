package ai.altllm.gateway.limits.credits;

/**
 * A ledger row waiting to be written: a reservation (durable before its work starts: committed, or journaled and
 * batched), a charge (a reservation settled before it was written) or a settlement (batched).
 */
interface PendingRow {

    /** The row to write; the same row every time it is asked (a failed batch is written again). */
    LedgerEntry entry();

    /** Its line in the reservation journal, or 0: the row is written with the journal's mark then. */
    default long journalNumber() {
        return 0;
    }

    static PendingRow of(LedgerEntry entry) {
        return () -> entry;
    }
}
