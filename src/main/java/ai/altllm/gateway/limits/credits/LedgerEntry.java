package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the credit ledger.
 *
 * @param id null until stored
 * @param kind {@code topup}, {@code adjustment}, {@code reservation}, {@code settlement} or {@code charge} (a
 *     reservation and its settlement in one row)
 * @param amount credits added (positive) or taken (negative)
 * @param held what a {@code charge}'s reservation held; null for the other kinds
 */
public record LedgerEntry(Long id, String accountId, String keyId, String kind, BigDecimal amount, BigDecimal held,
        String reference, Instant at) {

    /** A row of any kind but {@code charge}, not stored yet. */
    static LedgerEntry of(String accountId, String keyId, String kind, BigDecimal amount, String reference) {
        return new LedgerEntry(null, accountId, keyId, kind, amount, null, reference, Instant.now());
    }
}
