package ai.altllm.gateway.limits.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReservationRowTest {

    private static final Instant RESERVED = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant SETTLED = Instant.parse("2026-11-26T10:00:01Z");

    private static Reservation queued() {
        Reservation reservation = Reservation.restore("acc", "key", new BigDecimal("0.50"), "req-1");
        reservation.queued(RESERVED);
        return reservation;
    }

    @Test
    void aReservationTakenByTheWriterIsWrittenAsSuchAndItsSettlementNeedsARowOfItsOwn() {
        Reservation reservation = queued();
        LedgerEntry row = reservation.entry();
        assertEquals("reservation", row.kind());
        assertEquals(0, new BigDecimal("-0.50").compareTo(row.amount()));
        assertNull(row.held());
        assertEquals(RESERVED, row.at());
        assertEquals("req-1", row.reference());
        assertFalse(reservation.charge(new BigDecimal("0.20"), SETTLED));
        assertEquals("reservation", reservation.entry().kind(), "a batch written again writes the same row");
    }

    @Test
    void aReservationSettledWhileQueuedBecomesOneChargeRow() {
        Reservation reservation = queued();
        assertTrue(reservation.charge(new BigDecimal("0.20"), SETTLED));
        for (int i = 0; i < 2; i++) {
            LedgerEntry row = reservation.entry();
            assertEquals("charge", row.kind());
            assertEquals(0, new BigDecimal("-0.20").compareTo(row.amount()), "minus the real cost");
            assertEquals(0, new BigDecimal("0.50").compareTo(row.held()), "what the reservation held");
            assertEquals(SETTLED, row.at());
            assertEquals("acc", row.accountId());
            assertEquals("key", row.keyId());
        }
    }

    @Test
    void aRestoredReservationIsNeverMadeACharge() {
        assertFalse(Reservation.restore("acc", "key", BigDecimal.ONE, "r").charge(BigDecimal.ONE, SETTLED),
                "a restored reservation was written long ago");
    }

    /** Writer and settlement race; the ledger must hold the cost exactly once either way. */
    @Test
    void theWriterAndTheSettlementAgreeOnWhichRowsExistWhenTheyRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20_000; i++) {
                Reservation reservation = queued();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<LedgerEntry> written = pool.submit(() -> {
                    start.await();
                    return reservation.entry();
                });
                Future<Boolean> charged = pool.submit(() -> {
                    start.await();
                    return reservation.charge(new BigDecimal("0.20"), SETTLED);
                });
                LedgerEntry row = written.get();
                if (charged.get()) {
                    assertEquals("charge", row.kind());
                    assertEquals(0, new BigDecimal("-0.20").compareTo(row.amount()));
                } else {
                    assertEquals("reservation", row.kind(), "a settlement row follows this one");
                }
                assertEquals(row.kind(), reservation.entry().kind(), "decided once");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
