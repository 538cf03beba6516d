package ai.altllm.gateway.limits.admission;

import java.math.BigDecimal;

/** What a request that uses a model will hold while it runs: admission reserves this much before any upstream call. */
public interface Meter {

    /** The public model id. */
    String model();

    /** Tokens to reserve against tokens-per-minute: the prompt estimate plus the most output the request allows. */
    long reservedTokens();

    /** The most the request may cost, in credits. */
    BigDecimal maxCost();
}
