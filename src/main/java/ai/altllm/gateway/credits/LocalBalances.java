package ai.altllm.gateway.credits;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Balances in this JVM: the default for a single instance. */
public final class LocalBalances implements BalanceStore {

    private final Map<String, BigDecimal> balances = new ConcurrentHashMap<>();

    @Override
    public Take take(String id, BigDecimal amount) {
        Take[] result = {Take.NOT_SEEDED};
        balances.computeIfPresent(id, (ignored, balance) -> {
            BigDecimal left = balance.subtract(amount);
            result[0] = left.signum() >= 0 ? Take.TAKEN : Take.REFUSED;
            return left.signum() >= 0 ? left : balance;
        });
        return result[0];
    }

    @Override
    public void add(String id, BigDecimal amount) {
        balances.computeIfPresent(id, (ignored, balance) -> balance.add(amount));
    }

    @Override
    public void seed(String id, BigDecimal balance) {
        balances.putIfAbsent(id, balance);
    }

    @Override
    public Optional<BigDecimal> balance(String id) {
        return Optional.ofNullable(balances.get(id));
    }
}
