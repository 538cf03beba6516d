package ai.altllm.gateway.video;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;

/**
 * Stand-in until the credits ledger exists: nothing is debited and every reserve succeeds. Task rows still record
 * the estimate, the charge and whether it was settled or refunded, so the ledger can be back-filled from them.
 */
@ApplicationScoped
public class UnmeteredCredits implements VideoCredits {

    private static final Logger LOG = System.getLogger(UnmeteredCredits.class.getName());

    @Override
    public void reserve(Hold hold) {
        LOG.log(Level.DEBUG, "video task {0}: {1} credits estimated (no ledger: not held)", hold.taskId(),
                hold.amount());
    }

    @Override
    public void settle(Hold hold, BigDecimal charged) {
        LOG.log(Level.DEBUG, "video task {0}: {1} credits charged (no ledger: not debited)", hold.taskId(), charged);
    }

    @Override
    public void refund(Hold hold) {
        LOG.log(Level.DEBUG, "video task {0}: hold of {1} released", hold.taskId(), hold.amount());
    }
}
