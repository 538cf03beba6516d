package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Credits held for one piece of work (a chat request, a video task) until it is settled or released, exactly once.
 * Whoever persists long-running work (video) stores the four fields and rebuilds the handle with {@link #restore}.
 */
public final class Reservation implements PendingRow {

    private final String accountId;
    private final String keyId;
    private final BigDecimal amount;
    private final String reference;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Instant reservedAt;

    Reservation(String accountId, String keyId, BigDecimal amount, String reference) {
        this.accountId = accountId;
        this.keyId = keyId;
        this.amount = amount;
        this.reference = reference;
    }

    /**
     * The handle of a reservation made earlier (e.g. before a restart), from its stored fields; {@code amount} is the
     * amount asked for, rounded here exactly as {@link Credits#reserve} rounded it.
     */
    public static Reservation restore(String accountId, String keyId, BigDecimal amount, String reference) {
        return new Reservation(accountId, keyId, held(amount), reference);
    }

    /** What {@link Credits#reserve} holds for {@code amount}: rounded up to the ledger's {@link Credits#SCALE}. */
    static BigDecimal held(BigDecimal amount) {
        return amount.setScale(Credits.SCALE, RoundingMode.UP);
    }

    public String accountId() {
        return accountId;
    }

    public String keyId() {
        return keyId;
    }

    /** The amount held, in credits (scale 10). */
    public BigDecimal amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    /** True the first time only: settling twice must not give credits back twice. */
    boolean claim() {
        return settled.compareAndSet(false, true);
    }

    /** When the credits were taken; set before the reservation row is written. */
    void reservedAt(Instant at) {
        reservedAt = at;
    }

    @Override
    public LedgerEntry entry() {
        return new LedgerEntry(null, accountId, keyId, "reservation", amount.negate(), null, reference, reservedAt);
    }
}
