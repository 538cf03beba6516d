package ai.altllm.gateway.tools.crypto;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code crypto_market_data}: 24h market data (price, change, high/low, volume, market cap) from {@code /coins/markets}. */
@ApplicationScoped
public class CryptoMarkets extends CryptoTool {

    /** Source field → the name the model sees. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("id", "id"),
            Map.entry("symbol", "symbol"), Map.entry("name", "name"), Map.entry("current_price", "price"),
            Map.entry("price_change_24h", "change_24h"),
            Map.entry("price_change_percentage_24h", "change_24h_percent"), Map.entry("high_24h", "high_24h"),
            Map.entry("low_24h", "low_24h"), Map.entry("total_volume", "volume_24h"),
            Map.entry("market_cap", "market_cap"), Map.entry("market_cap_rank", "market_cap_rank"),
            Map.entry("last_updated", "last_updated"));

    @Override
    public String name() {
        return "crypto_market_data";
    }

    @Override
    public String description() {
        return "24h market data of one or more crypto assets in a fiat currency: price, 24h change, high and low, "
                + "trading volume and market capitalisation.";
    }

    @Override
    public CompletionStage<JsonValue> execute(JsonObject args) {
        List<String> ids = CryptoArgs.ids(args);
        String currency = CryptoArgs.currency(args);
        return marketData.get("/coins/markets", Map.of("ids", String.join(",", ids), "vs_currency", currency))
                .thenApply(answer -> answer(answer, ids, currency));
    }

    private static JsonValue answer(JsonValue answer, List<String> ids, String currency) {
        JsonArrayBuilder assets = JSON.createArrayBuilder();
        List<String> unknown = new ArrayList<>(ids);
        if (answer instanceof JsonArray rows) {
            for (JsonValue row : rows) {
                if (row instanceof JsonObject market) {
                    JsonObjectBuilder asset = JSON.createObjectBuilder();
                    FIELDS.forEach((from, to) -> {
                        if (market.containsKey(from)) {
                            asset.add(to, market.get(from));
                        }
                    });
                    assets.add(asset);
                    unknown.remove(market.getString("id", ""));
                }
            }
        }
        return CryptoArgs.result(currency, "assets", assets.build(), ids, unknown);
    }
}
