package ai.altllm.gateway.limits.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.testsupport.TestH2;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's database goes down while work is running: new reservations (whose rows must be committed before their
 * work starts) are refused with 503 and hold nothing, and once the database is back every admitted request's rows are
 * written and the ledger balances.
 */
class LedgerBacklogTest {

    private static final BigDecimal START = new BigDecimal("10.00");
    private static final BigDecimal HOLD = new BigDecimal("1.00");
    private static final BigDecimal COST = new BigDecimal("0.25");

    private final HikariDataSource h2 = TestH2.open("backlog");
    private final LocalBalances balances = new LocalBalances();
    private Connection admin;
    private Credits credits;

    @AfterEach
    void close() throws Exception {
        if (credits != null) {
            credits.stop();
        }
        admin.close();
        h2.close();
    }

    @Test
    void aLedgerOutageRefusesNewWorkAndLosesNoRowOfAdmittedWork() throws Exception {
        admin = h2.getConnection();
        admin.createStatement().execute("INSERT INTO accounts (id, name, kind, created_at, budget) "
                + "VALUES ('acc', 'backlog', 'team', CURRENT_TIMESTAMP, 'prepaid')");
        credits = credits(h2, 3);
        balances.seed("account:acc", START);
        List<Reservation> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted.add(credits.reserve("acc", null, HOLD, "req-" + i));
        }
        // The ledger's table out of reach: every write of a ledger row fails, as in an outage.
        admin.createStatement().execute("ALTER TABLE credit_ledger RENAME TO credit_ledger_away");

        List<ApiException> refused = new ArrayList<>();
        for (int i = 3; i < 6; i++) {
            try {
                admitted.add(credits.reserve("acc", null, HOLD, "req-" + i));
            } catch (ApiException e) {
                refused.add(e);
            }
        }
        assertEquals(3, refused.size(), "no reservation is admitted without its row");
        ApiException refusal = refused.get(0);
        assertEquals(503, refusal.status());
        assertEquals("credit_ledger_unavailable", refusal.code());
        assertEquals("5", refusal.headers().get("Retry-After"));
        assertEquals(START.subtract(HOLD.multiply(BigDecimal.valueOf(admitted.size()))), balance(),
                "a refused reservation holds nothing");

        for (Reservation reservation : admitted) {
            credits.settle(reservation, COST);
        }
        BigDecimal spent = COST.multiply(BigDecimal.valueOf(admitted.size()));
        assertEquals(START.subtract(spent), balance());

        admin.createStatement().execute("ALTER TABLE credit_ledger_away RENAME TO credit_ledger");
        credits.stop();
        try (ResultSet sum = admin.createStatement().executeQuery(
                "SELECT SUM(amount), COUNT(DISTINCT reference) FROM credit_ledger")) {
            assertTrue(sum.next());
            assertEquals(0, spent.negate().compareTo(sum.getBigDecimal(1)), "the ledger sums to minus what was spent");
            assertEquals(admitted.size(), sum.getInt(2), "a row for every admitted request, none for a refused one");
        }
    }

    @Test
    void aNegativeReservationIsAProgrammingErrorAndHoldsNothing() throws Exception {
        admin = h2.getConnection();
        admin.createStatement().execute("INSERT INTO accounts (id, name, kind, created_at, budget) "
                + "VALUES ('acc', 'negative', 'team', CURRENT_TIMESTAMP, 'prepaid')");
        credits = credits(h2, 3);
        balances.seed("account:acc", START);
        // What a wrapped max_tokens used to produce: a hold that credits the caller.
        assertThrows(IllegalArgumentException.class, () -> credits.reserve("acc", null,
                new BigDecimal("-22000000000000"), "req-negative"));
        assertEquals(START, balance(), "a refused negative reservation holds (and credits) nothing");
        credits.stop();
        try (ResultSet rows = admin.createStatement().executeQuery("SELECT COUNT(*) FROM credit_ledger")) {
            assertTrue(rows.next());
            assertEquals(0, rows.getInt(1), "no ledger row for it");
        }
    }

    private BigDecimal balance() {
        return balances.balance("account:acc").orElseThrow().setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private Credits credits(DataSource source, int capacity) {
        return TestCredits.start(source, Optional.empty(), balances, capacity);
    }
}
