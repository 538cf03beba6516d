package ai.altllm.gateway.video;

import ai.altllm.gateway.errors.ErrorKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ledger stand-in that records every call, and can refuse reservations, so tests can check what was charged. */
final class RecordingCredits implements VideoCredits {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean refuse;

    @Override
    public void reserve(Hold hold) {
        if (refuse) {
            throw ErrorKind.INSUFFICIENT_QUOTA.error("insufficient_quota", "Not enough credits for this task");
        }
        calls.add("reserve " + hold.taskId() + " " + plain(hold.amount()));
    }

    @Override
    public void settle(Hold hold, BigDecimal charged) {
        calls.add("settle " + hold.taskId() + " " + plain(charged) + " of " + plain(hold.amount()));
    }

    @Override
    public void refund(Hold hold) {
        calls.add("refund " + hold.taskId() + " " + plain(hold.amount()));
    }

    /** Amounts as the test writes them, whatever scale the database gave them. */
    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** Held minus settled minus refunded: zero once every task has ended, if each hold was closed exactly once. */
    BigDecimal outstanding() {
        BigDecimal held = BigDecimal.ZERO;
        for (String call : calls) {
            String[] parts = call.split(" ");
            BigDecimal amount = new BigDecimal(parts[0].equals("settle") ? parts[4] : parts[2]);
            held = parts[0].equals("reserve") ? held.add(amount) : held.subtract(amount);
        }
        return held;
    }
}
