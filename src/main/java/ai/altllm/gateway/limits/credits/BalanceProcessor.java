package ai.altllm.gateway.limits.credits;

import java.io.Serializable;
import java.math.BigDecimal;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/** One atomic step on a balance in a cluster cache, run by the cache where the entry lives. */
final class BalanceProcessor implements EntryProcessor<String, BigDecimal, Integer>, Serializable {

    private static final long serialVersionUID = 1L;
    static final int TAKE = 0;
    static final int ADD = 1;
    static final int SEED = 2;

    private final int op;
    private final BigDecimal amount;

    BalanceProcessor(int op, BigDecimal amount) {
        this.op = op;
        this.amount = amount;
    }

    /** For TAKE, the ordinal of the {@link BalanceStore.Take} result. */
    @Override
    public Integer process(MutableEntry<String, BigDecimal> entry, Object... arguments) {
        if (op == SEED) {
            if (!entry.exists()) {
                entry.setValue(amount);
            }
            return null;
        }
        if (!entry.exists()) {
            return BalanceStore.Take.NOT_SEEDED.ordinal();
        }
        BigDecimal left = op == ADD ? entry.getValue().add(amount) : entry.getValue().subtract(amount);
        if (op == TAKE && left.signum() < 0) {
            return BalanceStore.Take.REFUSED.ordinal();
        }
        entry.setValue(left);
        return BalanceStore.Take.TAKEN.ordinal();
    }
}
