package ai.altllm.gateway.usage;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Usage as JSON (both endpoints) and as CSV (the admin export). */
final class UsageJson {

    private static final String CSV_HEADER = "created_at,request_id,account_id,key_id,model,provider,prompt_tokens,"
            + "completion_tokens,cost,estimated,outcome,latency_ms,first_token_ms\n";

    private UsageJson() {
    }

    static String json(UsageRepository.Totals totals, List<UsageRow> rows) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (UsageRow stored : rows) {
            UsageEvent e = stored.event();
            JsonObjectBuilder row = JSON.createObjectBuilder()
                    .add("created_at", stored.at().getEpochSecond())
                    .add("request_id", e.requestId())
                    .add("model", e.model())
                    .add("prompt_tokens", e.promptTokens())
                    .add("completion_tokens", e.completionTokens())
                    .add("total_tokens", e.promptTokens() + e.completionTokens())
                    .add("cost", e.cost().stripTrailingZeros().toPlainString())
                    .add("estimated", e.estimated())
                    .add("outcome", e.outcome())
                    .add("latency_ms", e.latencyMillis())
                    .add("first_token_ms", e.firstTokenMillis());
            if (e.keyId() != null) {
                row.add("key_id", e.keyId());
            }
            if (e.accountId() != null) {
                row.add("account_id", e.accountId());
            }
            data.add(row);
        }
        return JSON.createObjectBuilder()
                .add("object", "usage")
                .add("totals", JSON.createObjectBuilder()
                        .add("requests", totals.requests())
                        .add("prompt_tokens", totals.promptTokens())
                        .add("completion_tokens", totals.completionTokens())
                        .add("cost", totals.cost().stripTrailingZeros().toPlainString()))
                .add("data", data)
                .build().toString();
    }

    static String csv(List<UsageRow> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (UsageRow stored : rows) {
            UsageEvent e = stored.event();
            out.append(stored.at()).append(',').append(cell(e.requestId())).append(',').append(cell(e.accountId()))
                    .append(',').append(cell(e.keyId())).append(',').append(cell(e.model())).append(',')
                    .append(cell(e.provider())).append(',').append(e.promptTokens()).append(',')
                    .append(e.completionTokens()).append(',').append(e.cost().toPlainString()).append(',')
                    .append(e.estimated()).append(',')
                    .append(e.outcome()).append(',').append(e.latencyMillis()).append(',')
                    .append(e.firstTokenMillis()).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading quote against spreadsheet formula injection. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
