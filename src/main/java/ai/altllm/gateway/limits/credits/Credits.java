package ai.altllm.gateway.limits.credits;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.CreditConfig;
import ai.altllm.gateway.db.BatchWriter;
import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.db.GroupCommit;
import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.StorageException;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.KeyRepository;
import ai.altllm.gateway.shutdown.ShutdownStep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credits API: {@link #reserve} the most a piece of work may cost before it starts, {@link #settle} what it really
 * cost when it ends (or {@link #release} it). Balances are checked against hot counters in memory (or in the cluster),
 * seeded from the ledger. A reservation is durable before {@link #reserve} returns, so a crash cannot leave served work
 * unbilled: on the embedded database its line is in a journal beside it and its row is batched; on a configured
 * database its row is committed (in a group commit with the others of the moment). Other rows are written in batches.
 */
@ApplicationScoped
public class Credits implements ShutdownStep {

    /** Decimal places of every ledger amount (the column is NUMERIC(24, 10)). */
    public static final int SCALE = 10;
    private static final Logger LOG = System.getLogger(Credits.class.getName());
    private static final String ACCOUNT = "account:";
    private static final String KEY = "key:";
    /** How long a request waits for its reservation row before it is refused with 503. */
    static final Duration RESERVATION_WAIT = Duration.ofSeconds(2);

    @Inject
    Configuration configuration;

    @Inject
    Database database;

    @Inject
    BalanceSource shared;

    @Inject
    KeyRepository keys;

    private CreditConfig config;
    private CreditLedger ledger;
    private BatchWriter<PendingRow> writer;
    private GroupCommit<Reservation> reservations;
    private ReservationJournal journal;
    private Duration reservationWait;
    private final Map<String, Boolean> prepaid = new ConcurrentHashMap<>();
    private final Map<String, Optional<BigDecimal>> caps = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        start(200_000, RESERVATION_WAIT);
    }

    /** Starts at deployment, after the database: the rows a crash left in the journal are written before any request. */
    void deployed(@Observes @Priority(Interceptor.Priority.APPLICATION + 700)
                   @Initialized(ApplicationScoped.class) Object event) {
        // Delivering the event created the bean: start() has run.
    }

    /**
     * @param capacity ledger rows held in memory at most, about a minute of a busy gateway's requests
     * @param wait how long a reservation waits for its row to be committed
     */
    void start(int capacity, Duration wait) {
        reservationWait = wait;
        config = configuration.get().credits();
        ledger = new CreditLedger(database::dataSource);
        var directory = database.embeddedDirectory();
        if (directory.isPresent()) {
            journal = ReservationJournal.open(directory.get(), ledger.dataSource());
            writer = new BatchWriter<>("credit ledger rows", capacity, batch -> ledger.insert(batch, journal));
            return;
        }
        writer = new BatchWriter<>("credit ledger rows", capacity, ledger::insert);
        // A reservation committed after its request got 503 (and its credits back) is balanced by a settlement row.
        reservations = new GroupCommit<>("credit reservations", 10_000, ledger::insert,
                late -> writer.addAlways(refund(late, late.amount(), Instant.now())));
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Holds {@code amount} (rounded up to {@link #SCALE} places) from the account's balance, unless the account's budget
     * is unlimited, and from the key's credit limit if it has one.
     *
     * @param reference what the credits are for (a request id, a video task id), kept in the ledger
     * @throws ApiException 402 {@code insufficient_quota} with {@code x-should-retry: false} when either falls short;
     *     503 {@code credit_ledger_unavailable} when the reservation could not be made durable (its row not committed
     *     within {@link #RESERVATION_WAIT}, database slow or down; or the journal or the row queue refused it); nothing
     *     is held then
     * @throws IllegalArgumentException when {@code amount} is negative
     */
    public Reservation reserve(String accountId, String keyId, BigDecimal amount, String reference) {
        if (amount.signum() < 0) {
            // A negative hold would credit the caller: always a programming error (an overflow), never a request.
            throw new IllegalArgumentException("a reservation cannot be negative: " + amount.toPlainString());
        }
        BigDecimal held = Reservation.held(amount);
        Reservation reservation = new Reservation(accountId, keyId, held, reference);
        if (!config.enabled() || held.signum() == 0) {
            return reservation;
        }
        boolean fromAccount = isPrepaid(accountId);
        if (fromAccount && !take(ACCOUNT + accountId, held, () -> seedAccount(accountId))) {
            throw insufficient("this request may cost up to " + plain(held) + " credits, more than the account's "
                    + "balance of " + plain(shared.balances().balance(ACCOUNT + accountId).orElse(BigDecimal.ZERO))
                    + "; top up, or ask for fewer tokens (max_tokens)");
        }
        Optional<BigDecimal> cap = cap(keyId);
        if (cap.isPresent() && !take(KEY + keyId, held, () -> seedKey(accountId, keyId, cap.get()))) {
            if (fromAccount) {
                shared.balances().add(ACCOUNT + accountId, held);
            }
            throw insufficient("this request may cost up to " + plain(held) + " credits, more than is left under "
                    + "this API key's credit limit of " + plain(cap.get()));
        }
        reservation.queued(Instant.now());
        if (!durable(reservation)) {
            // Work whose reservation is not on disk could go unbilled in a crash; better no work than that.
            giveBack(accountId, keyId, held);
            throw ledgerBehind();
        }
        return reservation;
    }

    private boolean durable(Reservation reservation) {
        if (journal == null) {
            return reservations.write(reservation, reservationWait);
        }
        try {
            reservation.journaled(journal.append(reservation));
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot append to the credit reservation journal; refusing paid work: {0}",
                    e.getMessage());
            return false;
        }
        if (writer.add(reservation)) {
            return true;
        }
        journal.cancel(reservation.journalNumber());
        return false;
    }

    /**
     * Charges what the work really cost and gives back the rest of the reservation; only the first call counts. Work
     * that ends before its reservation row is written (most chat requests on the embedded database) leaves one
     * {@code charge} row, not two. The settlement is batched: lost in a crash, the work stays charged its whole hold
     * (never less than it cost).
     */
    public void settle(Reservation reservation, BigDecimal actual) {
        if (!reservation.claim() || !config.enabled()) {
            return;
        }
        BigDecimal cost = actual.setScale(SCALE, RoundingMode.UP);
        if (reservation.amount().signum() == 0 && cost.signum() == 0) {
            return;
        }
        BigDecimal refund = reservation.amount().subtract(cost);
        giveBack(reservation.accountId(), reservation.keyId(), refund);
        Instant now = Instant.now();
        if (!reservation.charge(cost, now)) {
            writer.addAlways(refund(reservation, refund, now));
        }
    }

    private static PendingRow refund(Reservation reservation, BigDecimal refund, Instant at) {
        return PendingRow.of(new LedgerEntry(null, reservation.accountId(), reservation.keyId(), "settlement", refund,
                null, reservation.reference(), at));
    }

    /** Returns {@code amount} to what a reservation took it from: a prepaid account's balance, a key's cap. */
    private void giveBack(String accountId, String keyId, BigDecimal amount) {
        if (isPrepaid(accountId)) {
            shared.balances().add(ACCOUNT + accountId, amount);
        }
        if (cap(keyId).isPresent()) {
            shared.balances().add(KEY + keyId, amount);
        }
    }

    /** Gives the whole reservation back (the work never ran, or failed before anything billable). */
    public void release(Reservation reservation) {
        settle(reservation, BigDecimal.ZERO);
    }

    /**
     * Adds a ledger row for the operator ({@code topup} or {@code adjustment}, which may be negative) and returns the
     * account's new balance; written at once, not batched.
     */
    public BigDecimal credit(String accountId, String kind, BigDecimal amount, String reference) {
        BigDecimal exact = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        writer.flush();
        String id = ACCOUNT + accountId;
        boolean[] added = {false};
        try {
            // The hot balance changes while the account row is locked, so a concurrent seed cannot count it twice.
            return Jdbc.transaction(ledger.dataSource(), c -> {
                if (!CreditLedger.lockAccount(c, accountId)) {
                    throw ApiException.notFound("account_not_found", "No account with id '" + accountId + "'");
                }
                CreditLedger.insert(c, LedgerEntry.of(accountId, null, kind, exact, reference));
                BigDecimal balance = CreditLedger.balance(c, accountId);
                shared.balances().add(id, exact);
                added[0] = true;
                return balance;
            });
        } catch (StorageException e) {
            if (added[0]) {
                shared.balances().add(id, exact.negate());
            }
            throw e;
        }
    }

    /** {@code [total credits added, total usage]} of an account, from the ledger (pending rows written first). */
    public BigDecimal[] totals(String accountId) {
        writer.flush();
        return ledger.totals(accountId);
    }

    /** What one key has spent or holds, from the ledger (pending rows written first). */
    public BigDecimal keyUsage(String accountId, String keyId) {
        writer.flush();
        return ledger.keySpent(accountId, keyId);
    }

    /** The account's newest ledger rows, newest first (pending rows written first). */
    public List<LedgerEntry> entries(String accountId, int limit) {
        writer.flush();
        return ledger.entries(accountId, limit);
    }

    /** Sets an account's budget: {@code prepaid}, {@code unlimited}, or null for the configured default. */
    public void setBudget(String accountId, String budget) {
        ledger.setBudget(accountId, budget);
        prepaid.remove(accountId);
    }

    public boolean isPrepaid(String accountId) {
        return prepaid.computeIfAbsent(accountId, id -> {
            String budget = ledger.budget(id);
            return budget == null ? config.prepaidByDefault() : budget.equals("prepaid");
        });
    }

    private boolean take(String id, BigDecimal amount, Runnable seed) {
        BalanceStore.Take result = shared.balances().take(id, amount);
        if (result == BalanceStore.Take.NOT_SEEDED) {
            seed.run();
            result = shared.balances().take(id, amount);
        }
        return result == BalanceStore.Take.TAKEN;
    }

    /** Once per account (per cluster): this instance's pending rows first, so the sum is complete. */
    private void seedAccount(String accountId) {
        writer.flush();
        Jdbc.transaction(ledger.dataSource(), c -> {
            CreditLedger.lockAccount(c, accountId);
            shared.balances().seed(ACCOUNT + accountId, CreditLedger.balance(c, accountId));
            return null;
        });
    }

    private void seedKey(String accountId, String keyId, BigDecimal cap) {
        writer.flush();
        shared.balances().seed(KEY + keyId, cap.subtract(ledger.keySpent(accountId, keyId)));
    }

    /** Keys cannot be edited, so a key's credit limit is read once. */
    private Optional<BigDecimal> cap(String keyId) {
        return keyId == null ? Optional.empty()
                : caps.computeIfAbsent(keyId, id -> keys.find(id).map(ApiKey::creditLimit));
    }

    /** The ledger's queue is full: its database has been slow or down a while. New each time: callers add headers. */
    static ApiException ledgerBehind() {
        return ErrorKind.UNAVAILABLE.error("credit_ledger_unavailable", "The credit ledger cannot record new "
                + "reservations right now (its database is slow or unreachable); retry shortly")
                .withHeader("Retry-After", "5");
    }

    private static ApiException insufficient(String why) {
        return ErrorKind.INSUFFICIENT_QUOTA.error("insufficient_quota", "Insufficient credits: " + why + ".")
                .withHeader("x-should-retry", "false");
    }

    /** A decimal for people: no exponent, no trailing zeros beyond one decimal. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(1, stripped.scale())).toPlainString();
    }

    @Override
    public int order() {
        return FLUSH_RECORDS;
    }

    @Override
    public String name() {
        return "credit ledger rows";
    }

    /** The shutdown step: the drain runs it once no request is left, while the database is still open. */
    @Override
    public void run() {
        stop();
    }

    @PreDestroy
    void stop() {
        if (reservations != null) {
            reservations.stop();
        }
        if (writer != null) {
            writer.stop();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
