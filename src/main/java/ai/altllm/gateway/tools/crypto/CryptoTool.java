package ai.altllm.gateway.tools.crypto;

import ai.altllm.gateway.tools.BuiltinTool;
import ai.altllm.gateway.upstream.crypto.MarketData;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** What the crypto tools share: the market-data source, available only when configured, and asset-list arguments. */
abstract class CryptoTool implements BuiltinTool {

    @Inject
    MarketData marketData;

    /** {@code ids} and {@code vs_currency}, unless a tool asks for something else. */
    @Override
    public JsonObject parameters() {
        return CryptoArgs.IDS_AND_CURRENCY;
    }

    @Override
    public boolean available() {
        return marketData.isConfigured();
    }
}
