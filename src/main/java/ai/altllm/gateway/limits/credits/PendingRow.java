package ai.altllm.gateway.limits.credits;

/**
 * A ledger row waiting to be written: a reservation (committed before its work starts) or a settlement (batched).
 */
interface PendingRow {

    /** The row to write; the same row every time it is asked (a failed batch is written again). */
    LedgerEntry entry();

    static PendingRow of(LedgerEntry entry) {
        return () -> entry;
    }
}
