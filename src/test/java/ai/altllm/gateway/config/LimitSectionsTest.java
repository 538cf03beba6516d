package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitSectionsTest {

    private static final String CATALOG = "\"providers\": {\"p\": {\"type\": \"openai\", \"base_url\": "
            + "\"http://127.0.0.1:1/v1\"}}, \"models\": [{\"id\": \"m1\", \"provider\": \"p\", \"upstream_model\": "
            + "\"u\"}, {\"id\": \"m2\", \"provider\": \"p\", \"upstream_model\": \"u\"}]";

    private static GatewayConfig parse(String sections) {
        return new ConfigParser(Map.<String, String>of()::get).parse("test.json", "{" + CATALOG + sections + "}");
    }

    private static String error(String sections) {
        return assertThrows(ConfigException.class, () -> parse(sections)).getMessage();
    }

    @Test
    void absentSectionsMeanNoLimitsUnlimitedCreditsAndMemoryState() {
        GatewayConfig config = parse("");
        assertEquals(RateLimitConfig.NONE, config.rateLimits());
        assertEquals(CreditConfig.DEFAULTS, config.credits());
        assertFalse(config.credits().prepaidByDefault(), "accounts are unlimited unless configured");
        assertFalse(config.clusterState());
    }

    @Test
    void readsDefaultsAccountsAndTiers() {
        GatewayConfig config = parse(", \"rate_limits\": {\"default\": {\"requests_per_minute\": 600}, "
                + "\"accounts\": {\"team-a\": {\"tokens_per_minute\": 5000, \"max_concurrent\": 3}}, "
                + "\"tiers\": {\"premium\": {\"models\": [\"m2\"], \"requests_per_minute\": 10}}}, "
                + "\"credits\": {\"enabled\": true, \"default_budget\": \"prepaid\", \"default_max_output_tokens\": 100},"
                + " \"shared_state\": \"cluster\"");
        RateLimitConfig limits = config.rateLimits();
        assertEquals(new LimitValues(600L, null, null), limits.defaults());
        assertEquals(new LimitValues(null, 5000L, 3), limits.accounts().get("team-a"));
        assertEquals(new LimitValues(10L, null, null), limits.tiers().get("premium"));
        assertEquals("premium", limits.tierOfModel().get("m2"));
        assertTrue(config.credits().prepaidByDefault());
        assertEquals(100, config.credits().defaultMaxOutputTokens());
        assertTrue(config.clusterState());
    }

    @Test
    void errorsNameTheExactField() {
        assertTrue(error(", \"rate_limits\": {\"defaults\": {}}").startsWith("test.json: rate_limits.defaults: "
                + "unknown field"));
        assertEquals("test.json: rate_limits.default.requests_per_minute: must be a whole number of at least 1 "
                + "(leave it out for no limit)",
                error(", \"rate_limits\": {\"default\": {\"requests_per_minute\": 0}}"));
        assertEquals("test.json: rate_limits.tiers.t.models[0]: no model 'nope' in models",
                error(", \"rate_limits\": {\"tiers\": {\"t\": {\"models\": [\"nope\"]}}}"));
        assertEquals("test.json: rate_limits.tiers.u.models[0]: model 'm1' is already in tier 't'",
                error(", \"rate_limits\": {\"tiers\": {\"t\": {\"models\": [\"m1\"]}, \"u\": {\"models\": [\"m1\"]}}}"));
        assertEquals("test.json: credits.default_budget: must be \"unlimited\" or \"prepaid\"",
                error(", \"credits\": {\"default_budget\": \"free\"}"));
        assertEquals("test.json: credits.enabled: must be true or false", error(", \"credits\": {\"enabled\": 1}"));
        assertEquals("test.json: shared_state: must be \"memory\" or \"cluster\"", error(", \"shared_state\": \"x\""));
    }
}
