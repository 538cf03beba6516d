package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Balances in this JVM: the default for a single instance. Each balance is updated by compare-and-set rather than
 * under a lock, because every request of an account touches the same balance, and a thread descheduled while
 * holding a lock would stall all of them.
 */
public final class LocalBalances implements BalanceStore {

    private final Map<String, AtomicReference<BigDecimal>> balances = new ConcurrentHashMap<>();

    @Override
    public Take take(String id, BigDecimal amount) {
        AtomicReference<BigDecimal> balance = balances.get(id);
        if (balance == null) {
            return Take.NOT_SEEDED;
        }
        while (true) {
            BigDecimal current = balance.get();
            BigDecimal left = current.subtract(amount);
            if (left.signum() < 0) {
                return Take.REFUSED;
            }
            if (balance.compareAndSet(current, left)) {
                return Take.TAKEN;
            }
        }
    }

    @Override
    public void add(String id, BigDecimal amount) {
        AtomicReference<BigDecimal> balance = balances.get(id);
        if (balance != null) {
            balance.accumulateAndGet(amount, BigDecimal::add);
        }
    }

    @Override
    public void seed(String id, BigDecimal balance) {
        balances.putIfAbsent(id, new AtomicReference<>(balance));
    }

    @Override
    public Optional<BigDecimal> balance(String id) {
        AtomicReference<BigDecimal> balance = balances.get(id);
        return balance == null ? Optional.empty() : Optional.of(balance.get());
    }
}
