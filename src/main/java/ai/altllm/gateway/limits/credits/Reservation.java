package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Credits held for one piece of work (a chat request, a video task) until it is settled or released, exactly once.
 * Whoever persists long-running work (video) stores the four fields and rebuilds the handle with {@link #restore}.
 */
public final class Reservation implements PendingRow {

    private static final int NOT_QUEUED = 0;
    private static final int QUEUED = 1;
    private static final int WRITTEN = 2;
    private static final int CHARGED = 3;

    private final String accountId;
    private final String keyId;
    private final BigDecimal amount;
    private final String reference;
    private final AtomicBoolean settled = new AtomicBoolean();
    /** Its ledger row: queued, then taken by a writer as a reservation, or made a charge by an early settlement. */
    private final AtomicInteger row = new AtomicInteger(NOT_QUEUED);
    private volatile Instant reservedAt;
    private volatile long journalNumber;
    /** Written before {@code row} becomes CHARGED, read only after it is seen CHARGED. */
    private BigDecimal cost;
    private Instant chargedAt;

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

    /** Marks its reservation row as queued, taken at {@code at}; call before handing it to a writer. */
    void queued(Instant at) {
        reservedAt = at;
        row.set(QUEUED);
    }

    /** The number of its line in the reservation journal, once it has one. */
    void journaled(long number) {
        journalNumber = number;
    }

    @Override
    public long journalNumber() {
        return journalNumber;
    }

    Instant reservedAt() {
        return reservedAt;
    }

    /**
     * Turns the queued reservation row into one charge of {@code actualCost}, if no writer has taken it yet.
     *
     * @return false if the reservation row is (being) written, so the settlement needs its own row
     */
    boolean charge(BigDecimal actualCost, Instant at) {
        cost = actualCost;
        chargedAt = at;
        return row.compareAndSet(QUEUED, CHARGED);
    }

    @Override
    public LedgerEntry entry() {
        if (row.compareAndSet(QUEUED, WRITTEN) || row.get() != CHARGED) {
            return new LedgerEntry(null, accountId, keyId, "reservation", amount.negate(), null, reference, reservedAt);
        }
        return new LedgerEntry(null, accountId, keyId, "charge", cost.negate(), amount, reference, chargedAt);
    }
}
