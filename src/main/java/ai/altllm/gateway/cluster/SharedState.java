package ai.altllm.gateway.cluster;

import ai.altllm.gateway.credits.BalanceStore;
import ai.altllm.gateway.credits.LocalBalances;
import ai.altllm.gateway.ratelimit.LimitStore;
import ai.altllm.gateway.ratelimit.LocalLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/** Chooses, once, where rate-limit and credit state lives, and hands the stores to the features that use them. */
@ApplicationScoped
public class SharedState {

    private LimitStore limits;
    private BalanceStore balances;

    @PostConstruct
    void choose() {
        limits = new LocalLimits();
        balances = new LocalBalances();
    }

    public LimitStore limits() {
        return limits;
    }

    public BalanceStore balances() {
        return balances;
    }
}
