package ai.altllm.gateway.tools.crypto;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code crypto_price}: the current price of one or more assets in a fiat currency, from {@code /simple/price}. */
@ApplicationScoped
public class CryptoPrice extends CryptoTool {

    @Override
    public String name() {
        return "crypto_price";
    }

    @Override
    public String description() {
        return "Current price of one or more crypto assets in a fiat currency, with the 24h change in percent.";
    }

    @Override
    public CompletionStage<JsonValue> execute(JsonObject args) {
        List<String> ids = CryptoArgs.ids(args);
        String currency = CryptoArgs.currency(args);
        return marketData.get("/simple/price", Map.of("ids", String.join(",", ids), "vs_currencies", currency,
                "include_24hr_change", "true")).thenApply(answer -> answer(answer, ids, currency));
    }

    private static JsonValue answer(JsonValue answer, List<String> ids, String currency) {
        JsonObject byId = answer instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder prices = JSON.createObjectBuilder();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            if (byId.get(id) instanceof JsonObject quote && quote.containsKey(currency)) {
                JsonObjectBuilder price = JSON.createObjectBuilder().add("price", quote.get(currency));
                if (quote.containsKey(currency + "_24h_change")) {
                    price.add("change_24h_percent", quote.get(currency + "_24h_change"));
                }
                prices.add(id, price);
            } else {
                unknown.add(id);
            }
        }
        return CryptoArgs.result(currency, "prices", prices.build(), ids, unknown);
    }
}
