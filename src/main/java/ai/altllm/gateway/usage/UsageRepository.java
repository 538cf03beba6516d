package ai.altllm.gateway.usage;

import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.db.MultiRowInsert;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes the {@code usage_records} table. */
final class UsageRepository {

    private static final String TABLE = "usage_records (request_id, key_id, account_id, model, provider, "
            + "prompt_tokens, completion_tokens, cost, outcome, latency_ms, first_token_ms, created_at, estimated)";
    private static final String COLUMNS = "request_id, key_id, account_id, model, provider, prompt_tokens, "
            + "completion_tokens, cost, outcome, latency_ms, first_token_ms, created_at, estimated";

    /** Sums over the filtered records. */
    record Totals(long requests, long promptTokens, long completionTokens, BigDecimal cost) {
    }

    private static final MultiRowInsert<UsageRow> BATCH = new MultiRowInsert<>(TABLE, 13, (s, i, row) -> {
        UsageEvent e = row.event();
        s.setString(i, e.requestId());
        s.setString(i + 1, e.keyId());
        s.setString(i + 2, e.accountId());
        s.setString(i + 3, e.model());
        s.setString(i + 4, e.provider());
        s.setLong(i + 5, e.promptTokens());
        s.setLong(i + 6, e.completionTokens());
        s.setBigDecimal(i + 7, e.cost());
        s.setString(i + 8, e.outcome());
        s.setLong(i + 9, e.latencyMillis());
        s.setLong(i + 10, e.firstTokenMillis());
        s.setObject(i + 11, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
        s.setBoolean(i + 12, e.estimated());
    });

    private UsageRepository() {
    }

    static void insert(DataSource dataSource, List<UsageRow> batch) {
        BATCH.insert(dataSource, batch);
    }

    static List<UsageRow> find(DataSource dataSource, UsageFilter filter) {
        Where where = Where.of(filter);
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM usage_records" + where.sql
                + " ORDER BY created_at DESC, id DESC FETCH FIRST " + filter.limit() + " ROWS ONLY", where::bind,
                r -> new UsageRow(new UsageEvent(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getLong(6), r.getLong(7), r.getBigDecimal(8), r.getBoolean(13),
                        r.getString(9), r.getLong(10), r.getLong(11)),
                        r.getObject(12, OffsetDateTime.class).toInstant()));
    }

    static Totals totals(DataSource dataSource, UsageFilter filter) {
        Where where = Where.of(filter);
        return Jdbc.query(dataSource, "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), "
                + "COALESCE(SUM(completion_tokens), 0), COALESCE(SUM(cost), 0) FROM usage_records" + where.sql,
                where::bind, r -> new Totals(r.getLong(1), r.getLong(2), r.getLong(3), r.getBigDecimal(4))).get(0);
    }

    /** The WHERE clause for a filter, with its parameters in order; values are always bound, never concatenated. */
    private record Where(String sql, List<Object> values) {

        static Where of(UsageFilter f) {
            StringBuilder sql = new StringBuilder();
            List<Object> values = new ArrayList<>();
            add(sql, values, "account_id = ?", f.accountId());
            add(sql, values, "key_id = ?", f.keyId());
            add(sql, values, "model = ?", f.model());
            add(sql, values, "created_at >= ?",
                    f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
            add(sql, values, "created_at < ?",
                    f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
            return new Where(sql.toString(), values);
        }

        private static void add(StringBuilder sql, List<Object> values, String condition, Object value) {
            if (value != null) {
                sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
                values.add(value);
            }
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }
    }
}
