package ai.altllm.gateway.admission;

import java.math.BigDecimal;

/**
 * A request that will use a model, as described by its resource before admission: what to reserve, and who takes
 * the admission {@link Ticket} to settle when the work ends. Published as a request property under {@link #PROPERTY}.
 */
public interface Metered {

    String PROPERTY = Metered.class.getName();

    /** The public model id. */
    String model();

    /** Tokens to reserve against tokens-per-minute: the prompt estimate plus the most output the request allows. */
    long reservedTokens();

    /** The most the request may cost, in credits. */
    BigDecimal maxCost();

    /** Receives the ticket of an admitted request; the receiver must settle it exactly when the work ends. */
    void admitted(Ticket ticket);
}
