package ai.altllm.gateway.limits.credits;

import java.math.BigDecimal;
import java.util.Optional;
import javax.cache.Cache;

/** Balances in a cluster-wide JCache (Hazelcast on Payara Micro): every instance draws on the same balance. */
public final class ClusterBalances implements BalanceStore {

    private final Cache<String, BigDecimal> cache;

    public ClusterBalances(Cache<String, BigDecimal> cache) {
        this.cache = cache;
    }

    @Override
    public Take take(String id, BigDecimal amount) {
        return Take.values()[cache.invoke(id, new BalanceProcessor(BalanceProcessor.TAKE, amount))];
    }

    @Override
    public void add(String id, BigDecimal amount) {
        cache.invoke(id, new BalanceProcessor(BalanceProcessor.ADD, amount));
    }

    @Override
    public void seed(String id, BigDecimal balance) {
        cache.invoke(id, new BalanceProcessor(BalanceProcessor.SEED, balance));
    }

    @Override
    public Optional<BigDecimal> balance(String id) {
        return Optional.ofNullable(cache.get(id));
    }
}
