package ai.altllm.gateway.tools.crypto;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.tools.ToolFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code crypto_search}: resolves asset names and symbols to the ids the other crypto tools take ({@code /search}). */
@ApplicationScoped
public class CryptoSearch extends CryptoTool {

    private static final int MAX_RESULTS = 8;
    private static final JsonObject PARAMETERS = JSON.createObjectBuilder()
            .add("type", "object")
            .add("properties", JSON.createObjectBuilder().add("query", JSON.createObjectBuilder()
                    .add("type", "string").add("description", "A name or symbol, e.g. \"Bitcoin\" or \"ETH\"")))
            .add("required", JSON.createArrayBuilder().add("query"))
            .build();

    @Override
    public String name() {
        return "crypto_search";
    }

    @Override
    public String description() {
        return "Finds crypto assets by name or symbol and returns their ids (for crypto_price and "
                + "crypto_market_data), names, symbols and market-cap ranks, best match first.";
    }

    @Override
    public JsonObject parameters() {
        return PARAMETERS;
    }

    @Override
    public CompletionStage<JsonValue> execute(JsonObject args) {
        String query = args.get("query") instanceof JsonString s ? s.getString().strip() : "";
        if (query.isEmpty() || query.length() > 100) {
            throw new ToolFailure("query must be a name or symbol of 1 to 100 characters");
        }
        return marketData.get("/search", Map.of("query", query)).thenApply(answer -> {
            JsonArrayBuilder coins = JSON.createArrayBuilder();
            int count = 0;
            if (answer instanceof JsonObject o && o.get("coins") instanceof JsonArray found) {
                for (JsonValue coin : found) {
                    if (count++ == MAX_RESULTS || !(coin instanceof JsonObject c)) {
                        break;
                    }
                    coins.add(JSON.createObjectBuilder().add("id", c.getOrDefault("id", JsonValue.NULL))
                            .add("name", c.getOrDefault("name", JsonValue.NULL))
                            .add("symbol", c.getOrDefault("symbol", JsonValue.NULL))
                            .add("market_cap_rank", c.getOrDefault("market_cap_rank", JsonValue.NULL)));
                }
            }
            if (count == 0) {
                throw new ToolFailure("no crypto asset matches '" + query + "'");
            }
            return JSON.createObjectBuilder().add("query", query).add("coins", coins).build();
        });
    }
}
