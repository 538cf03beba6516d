package ai.altllm.gateway.video;

import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.limits.credits.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * Video tasks' credits on the gateway's ledger. A task outlives the request that created it, so the hold is rebuilt
 * from the task row when it is settled; the row's state makes sure that happens once.
 */
@ApplicationScoped
public class LedgerCredits implements VideoCredits {

    @Inject
    Credits credits;

    @Override
    public void reserve(Hold hold) {
        credits.reserve(hold.accountId(), hold.keyId(), hold.amount(), reference(hold));
    }

    @Override
    public void settle(Hold hold, BigDecimal charged) {
        credits.settle(restore(hold), charged);
    }

    @Override
    public void refund(Hold hold) {
        credits.release(restore(hold));
    }

    private static Reservation restore(Hold hold) {
        return Reservation.restore(hold.accountId(), hold.keyId(), hold.amount(), reference(hold));
    }

    private static String reference(Hold hold) {
        return "video:" + hold.taskId();
    }
}
