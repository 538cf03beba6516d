package ai.altllm.gateway.keys;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** API keys in the database, found by the SHA-256 of their secret; the secret itself is never stored. */
@ApplicationScoped
public class KeyRepository {

    private static final String COLUMNS = "id, account_id, name, prefix, key_hash, created_at, last_used_at, "
            + "expires_at, revoked, allowed_models, requests_per_minute, tokens_per_minute, credit_limit, "
            + "max_concurrent";

    private DataSource dataSource;

    protected KeyRepository() {
    }

    @Inject
    public KeyRepository(Database database) {
        this(database.dataSource());
    }

    public KeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ApiKey key, byte[] hash) {
        Jdbc.update(dataSource, "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)", s -> bind(s, key, HexFormat.of().formatHex(hash)));
    }

    /** The key whose secret has this hash; the stored hash is compared again in constant time. */
    public Optional<ApiKey> findByHash(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash);
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?",
                s -> s.setString(1, hex), row -> MessageDigest.isEqual(HexFormat.of().parseHex(
                        row.getString("key_hash")), hash) ? key(row) : null)
                .stream().filter(k -> k != null).findFirst();
    }

    public Optional<ApiKey> find(String id) {
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", s -> s.setString(1, id),
                KeyRepository::key).stream().findFirst();
    }

    /** All keys, or one account's when {@code accountId} is given, oldest first. */
    public List<ApiKey> list(String accountId) {
        String where = accountId == null ? "" : " WHERE account_id = ?";
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM api_keys" + where + " ORDER BY created_at, id",
                s -> {
                    if (accountId != null) {
                        s.setString(1, accountId);
                    }
                }, KeyRepository::key);
    }

    /** Returns whether a key with that id exists; revoking twice is harmless. */
    public boolean revoke(String id) {
        return Jdbc.update(dataSource, "UPDATE api_keys SET revoked = TRUE WHERE id = ?", s -> s.setString(1, id)) > 0;
    }

    /** Records last use for many keys in one batch; never moves a time backwards. */
    public void touch(Map<String, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        Jdbc.batch(dataSource, "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL "
                + "OR last_used_at < ?)", lastUsed.entrySet().stream().<Jdbc.Binder>map(e -> s -> {
                    s.setObject(1, Jdbc.toSql(e.getValue()));
                    s.setString(2, e.getKey());
                    s.setObject(3, Jdbc.toSql(e.getValue()));
                }).toList());
    }

    private static void bind(PreparedStatement s, ApiKey key, String hashHex) throws SQLException {
        s.setString(1, key.id());
        s.setString(2, key.accountId());
        s.setString(3, key.name());
        s.setString(4, key.prefix());
        s.setString(5, hashHex);
        s.setObject(6, Jdbc.toSql(key.createdAt()));
        s.setObject(7, Jdbc.toSql(key.lastUsedAt()));
        s.setObject(8, Jdbc.toSql(key.expiresAt()));
        s.setBoolean(9, key.revoked());
        s.setString(10, key.models() == null ? null : String.join(" ", key.models().stream().sorted().toList()));
        s.setObject(11, key.requestsPerMinute(), Types.INTEGER);
        s.setObject(12, key.tokensPerMinute(), Types.BIGINT);
        s.setBigDecimal(13, key.creditLimit());
        s.setObject(14, key.maxConcurrent(), Types.INTEGER);
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        String models = row.getString("allowed_models");
        return new ApiKey(row.getString("id"), row.getString("account_id"), row.getString("name"),
                row.getString("prefix"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "last_used_at"),
                Jdbc.instant(row, "expires_at"), row.getBoolean("revoked"),
                models == null ? null : Set.copyOf(Arrays.asList(models.isEmpty() ? new String[0] : models.split(" "))),
                row.getObject("requests_per_minute", Integer.class), row.getObject("tokens_per_minute", Long.class),
                row.getObject("max_concurrent", Integer.class), row.getBigDecimal("credit_limit"));
    }
}
