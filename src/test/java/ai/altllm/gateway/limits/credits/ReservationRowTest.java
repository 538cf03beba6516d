package ai.altllm.gateway.limits.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReservationRowTest {

    private static final Instant RESERVED = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aReservationIsWrittenAsAReservationOfItsWholeHoldEveryTime() {
        Reservation reservation = Reservation.restore("acc", "key", new BigDecimal("0.50"), "req-1");
        reservation.reservedAt(RESERVED);
        for (int i = 0; i < 2; i++) {
            LedgerEntry row = reservation.entry();
            assertEquals("reservation", row.kind(), "a group written again writes the same row");
            assertEquals(0, new BigDecimal("-0.50").compareTo(row.amount()));
            assertNull(row.held());
            assertEquals(RESERVED, row.at());
            assertEquals("req-1", row.reference());
            assertEquals("acc", row.accountId());
            assertEquals("key", row.keyId());
        }
    }
}
