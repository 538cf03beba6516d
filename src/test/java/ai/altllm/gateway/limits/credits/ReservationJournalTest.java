package ai.altllm.gateway.limits.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.db.Journal;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.testsupport.TestH2;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded database a reservation is durable through its journal line, and its row is batched: a crash before
 * the batch is written leaves lines that the next start writes as reservations charged at their whole hold, once.
 */
class ReservationJournalTest {

    private static final BigDecimal HOLD = new BigDecimal("1.00");

    @TempDir
    Path directory;

    private final HikariDataSource h2 = TestH2.open("journal");
    private Connection admin;

    @BeforeEach
    void account() throws Exception {
        admin = h2.getConnection();
        admin.createStatement().execute("INSERT INTO accounts (id, name, kind, created_at, budget) "
                + "VALUES ('acc', 'journal', 'team', CURRENT_TIMESTAMP, 'prepaid')");
    }

    @AfterEach
    void close() throws Exception {
        admin.close();
        h2.close();
    }

    @Test
    void rowsACrashLostAreWrittenAtTheNextStartOnceEach() throws Exception {
        ReservationJournal journal = ReservationJournal.open(directory, h2);
        List<Reservation> reserved = new ArrayList<>();
        for (String reference : List.of("req-1", "req 2\n€%~", "req-3")) {
            Reservation reservation = Reservation.restore("acc", reference.equals("req-3") ? null : "key", HOLD,
                    reference);
            reservation.queued(Instant.parse("2026-12-07T08:00:00.123456789Z"));
            reservation.journaled(journal.append(reservation));
            reserved.add(reservation);
        }
        Reservation written = reserved.get(0);
        journal.insert(h2, List.of(written.entry()), new long[] {written.journalNumber()});
        journal.close(); // killed: the other two rows were still queued

        ReservationJournal.open(directory, h2).close();
        ReservationJournal.open(directory, h2).close(); // a second start writes nothing again

        try (ResultSet rows = admin.createStatement().executeQuery("SELECT reference, key_id, amount, kind, "
                + "created_at FROM credit_ledger ORDER BY id")) {
            List<String> seen = new ArrayList<>();
            while (rows.next()) {
                assertEquals("reservation", rows.getString("kind"));
                assertEquals(0, HOLD.negate().compareTo(rows.getBigDecimal("amount")), "charged the whole hold");
                seen.add(rows.getString("reference") + "|" + rows.getString("key_id"));
            }
            assertEquals(List.of("req-1|key", "req 2\n€%~|key", "req-3|null"), seen);
        }
    }

    @Test
    void settledWorkLeavesOneChargeRowAndNothingToWriteAgain() throws Exception {
        Credits credits = credits(200_000);
        Reservation reservation = credits.reserve("acc", null, HOLD, "req-1");
        credits.settle(reservation, new BigDecimal("0.25"));
        credits.stop();
        try (ResultSet rows = admin.createStatement().executeQuery("SELECT kind, amount, held FROM credit_ledger")) {
            rows.next();
            assertEquals("charge", rows.getString("kind"), "settled before its batch: one row");
            assertEquals(0, new BigDecimal("-0.25").compareTo(rows.getBigDecimal("amount")));
            assertEquals(0, HOLD.compareTo(rows.getBigDecimal("held")));
            assertEquals(false, rows.next());
        }
        assertEquals(List.of(), Journal.open(directory, ReservationJournal.NAME, mark()).recovered());
    }

    @Test
    void aReservationTheRowQueueRefusedIsNotChargedAfterACrash() throws Exception {
        Credits credits = credits(2);
        admin.createStatement().execute("ALTER TABLE credit_ledger RENAME TO credit_ledger_away");
        List<String> admitted = new ArrayList<>();
        ApiException refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            try {
                admitted.add(credits.reserve("acc", null, HOLD, "req-" + i).reference());
            } catch (ApiException e) {
                refused = e;
            }
        }
        assertEquals(503, refused == null ? 0 : refused.status(), "the full queue refuses with 503");
        List<String> replayed = Journal.open(directory, ReservationJournal.NAME, mark()).recovered().stream()
                .map(entry -> ReservationJournal.decode(entry.text()).reference()).toList();
        assertEquals(admitted, replayed, "only admitted work would be charged after a crash now");
        admin.createStatement().execute("ALTER TABLE credit_ledger_away RENAME TO credit_ledger");
        credits.stop();
    }

    @Test
    void aNegativeHoldIsRefusedBeforeTheJournal() throws Exception {
        Credits credits = credits(10);
        assertThrows(IllegalArgumentException.class, () -> credits.reserve("acc", null, new BigDecimal("-5"), "r"));
        credits.stop();
        assertEquals(List.of(), Journal.open(directory, ReservationJournal.NAME, 0).recovered());
    }

    private long mark() throws Exception {
        try (ResultSet row = admin.createStatement().executeQuery("SELECT written_through FROM credit_journal")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private Credits credits(int capacity) {
        LocalBalances balances = new LocalBalances();
        balances.seed("account:acc", new BigDecimal("100"));
        return TestCredits.start(h2, Optional.of(directory), balances, capacity);
    }
}
