package ai.altllm.gateway.limits.credits;

import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes reservations durable on the embedded database without a commit each: a reservation's line is appended to a
 * journal in the data directory before its work starts, its row is batched with the settlements, and the lines of
 * rows lost in a crash are written at the next start, charged at their whole hold.
 */
final class ReservationJournal {

    private static final Logger LOG = System.getLogger(ReservationJournal.class.getName());
    static final String NAME = "credit-reservations";
    private static final String NONE = "~";

    private final Journal journal;

    private ReservationJournal(Journal journal) {
        this.journal = journal;
    }

    /** Opens the journal in {@code directory} and writes the rows a crash left in it (all in one transaction). */
    static ReservationJournal open(Path directory, DataSource dataSource) {
        try {
            long mark = Jdbc.transaction(dataSource, ReservationJournal::mark);
            Journal journal = Journal.open(directory, NAME, mark);
            List<LedgerEntry> rows = new ArrayList<>();
            journal.recovered().forEach(entry -> rows.add(decode(entry.text())));
            long last = journal.lastNumber();
            if (last > mark) {
                Jdbc.transaction(dataSource, c -> {
                    CreditLedger.insert(c, rows);
                    saveMark(c, last);
                    return null;
                });
            }
            if (!rows.isEmpty()) {
                LOG.log(Level.WARNING, "Charged {0} reservation(s) left unsettled by a crash at their whole hold "
                        + "(from {1})", rows.size(), directory.resolve(NAME + "-*.log"));
            }
            journal.resume();
            return new ReservationJournal(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the credit reservation journal in " + directory, e);
        }
    }

    /** Appends the reservation's line; when this returns, a crash can no longer lose it. */
    long append(Reservation reservation) throws IOException {
        return journal.append(encode(reservation));
    }

    /** The reservation was refused after all: its row will not be written, now or after a crash. */
    void cancel(long number) {
        try {
            journal.cancel(number);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Could not cancel line {0} of the reservation journal: after a crash now, a refused "
                    + "request would be charged its hold: {1}", number, e.getMessage());
        }
    }

    /** Writes a batch of rows and the journal's mark in one transaction. */
    void insert(DataSource dataSource, List<LedgerEntry> rows, long[] numbers) {
        long mark = journal.markFor(numbers);
        Jdbc.transaction(dataSource, c -> {
            CreditLedger.insert(c, rows);
            saveMark(c, mark);
            return null;
        });
        journal.written(numbers, mark);
    }

    void close() {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the reservation journal failed: {0}", e.getMessage());
        }
    }

    static String encode(Reservation reservation) {
        return String.join(" ", text(reservation.accountId()), text(reservation.keyId()),
                reservation.amount().toPlainString(), text(reservation.reference()),
                reservation.reservedAt().toString());
    }

    static LedgerEntry decode(String line) {
        String[] fields = line.split(" ");
        return new LedgerEntry(null, value(fields[0]), value(fields[1]), "reservation",
                new BigDecimal(fields[2]).negate(), null, value(fields[3]), Instant.parse(fields[4]));
    }

    private static String text(String value) {
        return value == null ? NONE : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String value(String text) {
        return text.equals(NONE) ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static long mark(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT written_through FROM credit_journal WHERE name = ?")) {
            s.setString(1, NAME);
            try (var row = s.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO credit_journal (name, written_through) "
                + "VALUES (?, 0)")) {
            s.setString(1, NAME);
            s.executeUpdate();
        }
        return 0;
    }

    private static void saveMark(Connection c, long mark) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE credit_journal SET written_through = ? "
                + "WHERE name = ? AND written_through < ?")) {
            s.setLong(1, mark);
            s.setString(2, NAME);
            s.setLong(3, mark);
            s.executeUpdate();
        }
    }
}
