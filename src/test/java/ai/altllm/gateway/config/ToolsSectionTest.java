package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolsSectionTest {

    private static final String BASE = "{\"providers\": {\"up\": {\"type\": \"openai\", \"base_url\": "
            + "\"http://127.0.0.1:9/v1\"}}, \"models\": [{\"id\": \"m1\", \"provider\": \"up\", \"upstream_model\": \"u\"}]";

    private static GatewayConfig parse(String tools, Map<String, String> env) {
        return new ConfigParser(env::get).parse("test.json", BASE + ", \"tools\": " + tools + "}");
    }

    private static String problem(String tools) {
        return assertThrows(ConfigException.class, () -> parse(tools, Map.of())).getMessage();
    }

    @Test
    void theShippedConfigurationOffersTheCryptoToolsFromCoinGecko() throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("server-config/altllm.json"));
        ToolsConfig tools = new ConfigParser(Map.<String, String>of()::get).parse("altllm.json", text).tools();
        assertEquals("https://api.coingecko.com/api/v3", tools.crypto().orElseThrow().baseUrl().toString());
        assertEquals("COINGECKO_API_KEY", tools.crypto().orElseThrow().apiKey().missingVariable().orElseThrow());
    }

    @Test
    void absentSectionMeansNoBuiltinTools() {
        GatewayConfig config = new ConfigParser(Map.<String, String>of()::get).parse("test.json", BASE + "}");
        assertTrue(config.tools().crypto().isEmpty());
        assertEquals(4, config.tools().maxRounds());
    }

    @Test
    void cryptoSourceWithDefaultsAndTheKeyFromTheEnvironment() {
        ToolsConfig tools = parse("{\"crypto\": {\"base_url\": \"https://api.coingecko.com/api/v3\", "
                + "\"api_key\": \"${env:COINGECKO_API_KEY}\"}, \"disabled_models\": [\"m1\"], "
                + "\"disabled_keys\": [\"key_abc\"], \"max_rounds\": 5}", Map.of("COINGECKO_API_KEY", "cg-secret"))
                .tools();
        ToolsConfig.CryptoSource crypto = tools.crypto().orElseThrow();
        assertEquals("https://api.coingecko.com/api/v3", crypto.baseUrl().toString());
        assertEquals("cg-secret", crypto.apiKey().value().orElseThrow());
        assertFalse(crypto.apiKey().toString().contains("cg-secret"));
        assertEquals("x-cg-demo-api-key", crypto.apiKeyHeader());
        assertEquals(30_000, crypto.cacheTtlMs());
        assertEquals(30, crypto.requestsPerMinute());
        assertEquals(5_000, crypto.timeouts().totalMs());
        assertEquals(5, tools.maxRounds());
        assertEquals(Set.of("m1"), tools.disabledModels());
        assertEquals(Set.of("key_abc"), tools.disabledKeys());
    }

    @Test
    void anUnsetKeyIsAllowedSinceCoinGeckosPublicApiNeedsNone() {
        assertTrue(parse("{\"crypto\": {\"base_url\": \"https://api.coingecko.com/api/v3\", \"api_key\": "
                + "\"${env:COINGECKO_API_KEY}\"}}", Map.of()).tools().crypto().orElseThrow().apiKey().value()
                .isEmpty());
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        assertTrue(problem("{\"crypto\": {\"base_url\": \"x\"}, \"extra\": 1}").contains("tools.extra"));
        assertTrue(problem("{\"crypto\": {\"base_url\": \"ftp://x\"}}").contains("tools.crypto.base_url"));
        assertTrue(problem("{\"crypto\": {}}").contains("tools.crypto.base_url"));
        assertTrue(problem("{\"crypto\": {\"base_url\": \"http://x\", \"ttl\": 1}}").contains("tools.crypto.ttl"));
        assertTrue(problem("{\"crypto\": {\"base_url\": \"http://x\", \"requests_per_minute\": 0}}")
                .contains("tools.crypto.requests_per_minute"));
        assertTrue(problem("{\"crypto\": {\"base_url\": \"http://x\", \"api_key_header\": \"a b\"}}")
                .contains("tools.crypto.api_key_header"));
        assertTrue(problem("{\"max_rounds\": 1}").contains("tools.max_rounds"));
        assertTrue(problem("{\"max_rounds\": 99}").contains("tools.max_rounds"));
        assertTrue(problem("{\"disabled_models\": [\"nope\"]}").contains("tools.disabled_models[0]"));
        assertTrue(problem("{\"disabled_keys\": [\"altllm-secret\"]}").contains("tools.disabled_keys[0]"));
    }
}
