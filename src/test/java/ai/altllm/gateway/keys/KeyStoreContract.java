package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.StorageException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC layer's behaviour, run against every database the gateway supports (see the subclasses). */
abstract class KeyStoreContract {

    AccountRepository accounts;
    KeyRepository keys;

    abstract DataSource dataSource();

    @BeforeEach
    void repositories() {
        accounts = new AccountRepository(dataSource());
        keys = new KeyRepository(dataSource());
    }

    private Account account() {
        Account account = Account.create("team-" + UUID.randomUUID(), "team");
        accounts.insert(account);
        return account;
    }

    @Test
    void accountsAreFoundByIdOrNameAndNamesAreUnique() {
        Account account = account();
        assertEquals(account.id(), accounts.find(account.id()).orElseThrow().id());
        assertEquals(account.id(), accounts.find(account.name()).orElseThrow().id());
        assertTrue(accounts.find("acct_missing").isEmpty());
        assertTrue(accounts.list().stream().anyMatch(a -> a.id().equals(account.id())));
        StorageException duplicate = assertThrows(StorageException.class,
                () -> accounts.insert(Account.create(account.name(), "person")));
        assertTrue(duplicate.isConstraintViolation(), duplicate.getMessage());
    }

    @Test
    void keysRoundTripEveryFieldAndAreFoundOnlyByTheirHash() {
        Account account = account();
        String secret = KeyFormat.generate();
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ApiKey key = ApiKey.create(account.id(), "ci", secret, expires, Set.of("m1", "vendor/m2"), 60, 100_000L,
                4, new BigDecimal("25.50"));
        keys.insert(key, KeyFormat.hash(secret));

        ApiKey found = keys.findByHash(KeyFormat.hash(secret)).orElseThrow();
        assertEquals(key.id(), found.id());
        assertEquals(account.id(), found.accountId());
        assertEquals("ci", found.name());
        assertEquals(secret.substring(0, 11), found.prefix());
        assertEquals(expires, found.expiresAt());
        assertEquals(key.createdAt().truncatedTo(ChronoUnit.MILLIS), found.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(Set.of("m1", "vendor/m2"), found.models());
        assertEquals(60, found.requestsPerMinute());
        assertEquals(100_000L, found.tokensPerMinute());
        assertEquals(4, found.maxConcurrent());
        assertEquals(0, new BigDecimal("25.5").compareTo(found.creditLimit()));
        assertNull(found.lastUsedAt());
        assertFalse(found.revoked());
        assertTrue(keys.findByHash(KeyFormat.hash(KeyFormat.generate())).isEmpty());
        assertTrue(keys.findByHash(KeyFormat.hash("' OR '1'='1")).isEmpty());
    }

    @Test
    void theSecretIsStoredNowhere() {
        Account account = account();
        String secret = KeyFormat.generate();
        keys.insert(ApiKey.create(account.id(), "n", secret, null, null, null, null, null, null),
                KeyFormat.hash(secret));
        String everyRow = String.join("\n", Jdbc.query(dataSource(), "SELECT * FROM api_keys", s -> {}, row -> {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                text.append(row.getString(i)).append('|');
            }
            return text.toString();
        }));
        assertFalse(everyRow.contains(secret.substring(11)), "only the hash may be stored");
    }

    @Test
    void unlimitedKeysKeepTheirNulls() {
        Account account = account();
        String secret = KeyFormat.generate();
        keys.insert(ApiKey.create(account.id(), "n", secret, null, null, null, null, null, null),
                KeyFormat.hash(secret));
        ApiKey found = keys.findByHash(KeyFormat.hash(secret)).orElseThrow();
        assertNull(found.models());
        assertNull(found.requestsPerMinute());
        assertNull(found.tokensPerMinute());
        assertNull(found.creditLimit());
        assertNull(found.expiresAt());
    }

    @Test
    void revokeListAndBatchedLastUse() {
        Account account = account();
        String one = KeyFormat.generate();
        String two = KeyFormat.generate();
        ApiKey first = ApiKey.create(account.id(), "one", one, null, null, null, null, null, null);
        ApiKey second = ApiKey.create(account.id(), "two", two, null, null, null, null, null, null);
        keys.insert(first, KeyFormat.hash(one));
        keys.insert(second, KeyFormat.hash(two));
        assertEquals(2, keys.list(account.id()).size());

        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keys.touch(Map.of(first.id(), used, second.id(), used));
        keys.touch(Map.of(first.id(), used.minusSeconds(60)));
        assertEquals(used, keys.find(first.id()).orElseThrow().lastUsedAt(), "last use never moves backwards");
        assertEquals(used, keys.find(second.id()).orElseThrow().lastUsedAt());

        assertTrue(keys.revoke(first.id()));
        assertTrue(keys.findByHash(KeyFormat.hash(one)).orElseThrow().revoked());
        assertFalse(keys.findByHash(KeyFormat.hash(two)).orElseThrow().revoked());
        assertFalse(keys.revoke("key_missing"));
    }
}
