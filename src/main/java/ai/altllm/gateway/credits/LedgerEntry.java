package ai.altllm.gateway.credits;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the credit ledger.
 *
 * @param id null until stored
 * @param kind {@code topup}, {@code adjustment}, {@code reservation} or {@code settlement}
 * @param amount credits added (positive) or taken (negative)
 */
public record LedgerEntry(Long id, String accountId, String keyId, String kind, BigDecimal amount, String reference,
        Instant at) {
}
