package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.limits.credits.Reservation;
import ai.altllm.gateway.limits.ratelimit.LimitStore;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

/** What an admitted request holds (a rate-limit slot and reserved tokens, reserved credits) until it settles once. */
public final class Ticket {

    private final LimitStore limits;
    private final String bucket;
    private final long reservedTokens;
    private final Credits credits;
    private final Reservation reservation;
    private final AtomicBoolean settled = new AtomicBoolean();

    Ticket(LimitStore limits, String bucket, long reservedTokens, Credits credits, Reservation reservation) {
        this.limits = limits;
        this.bucket = bucket;
        this.reservedTokens = reservedTokens;
        this.credits = credits;
        this.reservation = reservation;
    }

    /** Corrects tokens and credits to what the request really used; later calls do nothing. */
    public void settle(long actualTokens, BigDecimal actualCost) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        limits.settle(bucket, reservedTokens, actualTokens);
        if (reservation != null) {
            credits.settle(reservation, actualCost);
        }
    }
}
