package ai.altllm.gateway.usage;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.db.Jdbc;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** One account's usage since a time, summed per UTC day, per key and per model, as the portal's Usage page shows it. */
final class UsageSummary {

    /** {@code CAST(... AS DATE)} and {@code GROUP BY} on the same expression work on both H2 and PostgreSQL. */
    private static final String SUMS = ", COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0),"
            + " COALESCE(SUM(cost), 0) FROM usage_records WHERE account_id = ? AND created_at >= ? GROUP BY ";

    private UsageSummary() {
    }

    static JsonArrayBuilder group(DataSource dataSource, String column, String accountId, Instant from) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        Jdbc.query(dataSource, "SELECT " + column + SUMS + column + " ORDER BY 1", s -> {
            s.setString(1, accountId);
            s.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }, r -> data.add(JSON.createObjectBuilder()
                .add("group", r.getString(1) == null ? "" : r.getString(1))
                .add("requests", r.getLong(2))
                .add("prompt_tokens", r.getLong(3))
                .add("completion_tokens", r.getLong(4))
                .add("total_tokens", r.getLong(3) + r.getLong(4))
                .add("cost", r.getBigDecimal(5).stripTrailingZeros().toPlainString())));
        return data;
    }
}
