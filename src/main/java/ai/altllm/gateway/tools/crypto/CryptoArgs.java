package ai.altllm.gateway.tools.crypto;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.tools.ToolFailure;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks the arguments the crypto tools share, failing with messages a model can act on. */
final class CryptoArgs {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{2,10}");
    private static final int MAX_IDS = 25;

    /** The {@code ids} and {@code vs_currency} properties, as JSON Schema. */
    static final JsonObject IDS_AND_CURRENCY = JSON.createObjectBuilder()
            .add("type", "object")
            .add("properties", JSON.createObjectBuilder()
                    .add("ids", JSON.createObjectBuilder().add("type", "array").add("minItems", 1)
                            .add("maxItems", MAX_IDS)
                            .add("items", JSON.createObjectBuilder().add("type", "string"))
                            .add("description", "Asset ids such as \"bitcoin\" or \"ethereum\" (not symbols); use "
                                    + "crypto_search to find the id of a name or symbol"))
                    .add("vs_currency", JSON.createObjectBuilder().add("type", "string")
                            .add("description", "Fiat currency code, lower case, e.g. usd, eur, jpy; default usd")))
            .add("required", JSON.createArrayBuilder().add("ids"))
            .build();

    private CryptoArgs() {
    }

    static List<String> ids(JsonObject args) {
        JsonValue value = args.get("ids");
        List<String> ids = new ArrayList<>();
        if (value instanceof JsonString one) {
            ids.add(one.getString());
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString s)) {
                    throw new ToolFailure("ids must be an array of strings");
                }
                ids.add(s.getString());
            }
        } else {
            throw new ToolFailure("ids is required: an array of asset ids such as [\"bitcoin\"]");
        }
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new ToolFailure("ids must hold 1 to " + MAX_IDS + " asset ids");
        }
        List<String> normalized = new ArrayList<>();
        for (String id : ids) {
            String lower = id.strip().toLowerCase(Locale.ROOT);
            if (!ID.matcher(lower).matches()) {
                throw new ToolFailure("'" + id + "' is not an asset id; use crypto_search to find it");
            }
            normalized.add(lower);
        }
        return normalized;
    }

    static String currency(JsonObject args) {
        String currency = args.get("vs_currency") instanceof JsonString s ? s.getString().strip()
                .toLowerCase(Locale.ROOT) : "usd";
        if (!CURRENCY.matcher(currency).matches()) {
            throw new ToolFailure("vs_currency must be a currency code such as usd or eur");
        }
        return currency;
    }

    /** A tool's answer, naming the ids the source did not know; a failure when it knew none of them. */
    static JsonObject result(String currency, String field, JsonValue found, List<String> ids, List<String> unknown) {
        if (unknown.size() == ids.size()) {
            throw unknown(unknown);
        }
        var result = JSON.createObjectBuilder().add("currency", currency).add(field, found);
        if (!unknown.isEmpty()) {
            result.add("unknown_ids", JSON.createArrayBuilder(unknown));
        }
        return result.build();
    }

    /** The failure for ids the source does not know. */
    static ToolFailure unknown(List<String> ids) {
        return new ToolFailure("unknown asset id" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids)
                + "; use crypto_search to find the right id");
    }
}
