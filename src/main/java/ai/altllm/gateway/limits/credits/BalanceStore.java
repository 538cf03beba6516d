package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where the hot balances live (account balances and what is left under key caps): in this JVM, or in the cluster so
 * that several instances draw on one balance. The database ledger stays the source of truth; a store only holds
 * balances seeded from it, and every operation is atomic per id.
 */
public interface BalanceStore {

    /** What {@link #take} did. */
    enum Take {
        TAKEN, REFUSED, NOT_SEEDED
    }

    /** Takes {@code amount} if the balance stays at or above zero; {@code NOT_SEEDED} if no balance is held yet. */
    Take take(String id, BigDecimal amount);

    /** Adds {@code amount} (negative to remove) to a held balance; does nothing when none is held. */
    void add(String id, BigDecimal amount);

    /** Holds {@code balance} for {@code id} unless a balance is held already. */
    void seed(String id, BigDecimal balance);

    Optional<BigDecimal> balance(String id);
}
