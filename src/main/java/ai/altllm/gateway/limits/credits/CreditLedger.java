package ai.altllm.gateway.limits.credits;

import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.MultiRowInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The credit ledger and the accounts' budget setting in the database. */
final class CreditLedger {

    private static final String TABLE = "credit_ledger (account_id, key_id, kind, amount, held, reference, created_at)";
    private static final MultiRowInsert<LedgerEntry> BATCH = new MultiRowInsert<>(TABLE, 7, CreditLedger::bind);
    private static final String USAGE_KINDS = "kind IN ('reservation', 'settlement', 'charge')";

    /** Looked up on use: the ledger exists from deployment on, the database opens a moment later. */
    private final Supplier<DataSource> source;

    CreditLedger(Supplier<DataSource> source) {
        this.source = source;
    }

    DataSource dataSource() {
        return source.get();
    }

    void insert(List<? extends PendingRow> batch) {
        BATCH.insert(dataSource(), entries(batch));
    }

    /** Writes a batch; one that holds journaled reservations also moves the journal's mark, in the same transaction. */
    void insert(List<? extends PendingRow> batch, ReservationJournal journal) {
        List<LedgerEntry> rows = entries(batch);
        long[] numbers = batch.stream().mapToLong(PendingRow::journalNumber).filter(n -> n > 0).toArray();
        if (numbers.length == 0) {
            BATCH.insert(dataSource(), rows);
        } else {
            journal.insert(dataSource(), rows, numbers);
        }
    }

    private static List<LedgerEntry> entries(List<? extends PendingRow> batch) {
        List<LedgerEntry> rows = new ArrayList<>(batch.size());
        for (PendingRow row : batch) {
            rows.add(row.entry());
        }
        return rows;
    }

    static void insert(Connection c, LedgerEntry entry) throws SQLException {
        BATCH.insert(c, entry);
    }

    static void insert(Connection c, List<LedgerEntry> rows) throws SQLException {
        BATCH.insert(c, rows);
    }

    private static void bind(PreparedStatement s, int first, LedgerEntry entry) throws SQLException {
        s.setString(first, entry.accountId());
        s.setString(first + 1, entry.keyId());
        s.setString(first + 2, entry.kind());
        s.setBigDecimal(first + 3, entry.amount());
        s.setBigDecimal(first + 4, entry.held());
        s.setString(first + 5, entry.reference());
        s.setObject(first + 6, Jdbc.toSql(entry.at()));
    }

    /**
     * Locks the account's row until the transaction ends, so that seeding a hot balance from the ledger and a top-up
     * never interleave (either the seed sees the top-up's row, or the top-up finds the seeded balance to add to).
     */
    static boolean lockAccount(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM accounts WHERE id = ? FOR UPDATE")) {
            s.setString(1, accountId);
            try (ResultSet row = s.executeQuery()) {
                return row.next();
            }
        }
    }

    static BigDecimal balance(Connection c, String accountId) throws SQLException {
        return sum(c, "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE account_id = ?", accountId);
    }

    /** What a key of the account has spent or holds: the negated sum of its reservation, settlement and charge rows. */
    BigDecimal keySpent(String accountId, String keyId) {
        return Jdbc.query(dataSource(), "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE account_id = ? AND "
                + "key_id = ? AND " + USAGE_KINDS, s -> {
                    s.setString(1, accountId);
                    s.setString(2, keyId);
                }, row -> row.getBigDecimal(1)).get(0).negate();
    }

    /** {@code [credits added (top-ups and adjustments), usage (settled costs plus credits still held)]}. */
    BigDecimal[] totals(String accountId) {
        return Jdbc.query(dataSource(),
                "SELECT COALESCE(SUM(CASE WHEN " + USAGE_KINDS + " THEN 0 ELSE amount END), 0), "
                        + "COALESCE(SUM(CASE WHEN " + USAGE_KINDS + " THEN amount ELSE 0 END), 0) FROM credit_ledger "
                        + "WHERE account_id = ?",
                s -> s.setString(1, accountId),
                row -> new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2).negate()}).get(0);
    }

    /** The newest {@code limit} rows of an account, newest first. */
    List<LedgerEntry> entries(String accountId, int limit) {
        return Jdbc.query(dataSource(), "SELECT id, account_id, key_id, kind, amount, held, reference, created_at "
                + "FROM credit_ledger WHERE account_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                s -> s.setString(1, accountId), row -> new LedgerEntry(row.getLong("id"), row.getString("account_id"),
                        row.getString("key_id"), row.getString("kind"), row.getBigDecimal("amount"),
                        row.getBigDecimal("held"), row.getString("reference"), Jdbc.instant(row, "created_at")));
    }

    /** {@code prepaid}, {@code unlimited}, or null to follow the configured default. */
    String budget(String accountId) {
        return Jdbc.query(dataSource(), "SELECT budget FROM accounts WHERE id = ?", s -> s.setString(1, accountId),
                row -> row.getString(1)).stream().filter(b -> b != null).findFirst().orElse(null);
    }

    void setBudget(String accountId, String budget) {
        Jdbc.update(dataSource(), "UPDATE accounts SET budget = ? WHERE id = ?", s -> {
            s.setString(1, budget);
            s.setString(2, accountId);
        });
    }

    private static BigDecimal sum(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }
}
