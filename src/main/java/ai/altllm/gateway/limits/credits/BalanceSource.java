package ai.altllm.gateway.limits.credits;

/**
 * Hands {@link Credits} its {@link BalanceStore}, chosen once at startup by the cluster package (in this JVM or in the
 * cluster), so that credits need not know how the choice is made.
 */
public interface BalanceSource {

    BalanceStore balances();
}
