package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationsSectionTest {

    private static OperationsConfig parse(String sections, Map<String, String> env) {
        return new ConfigParser(env::get).parse("test.json", "{\"providers\": {}, \"models\": []"
                + (sections.isEmpty() ? "" : ", " + sections) + "}").operations();
    }

    @Test
    void defaultsWhenAbsent() {
        OperationsConfig ops = parse("", Map.of());
        assertEquals(Duration.ofSeconds(30), ops.grace());
        assertEquals(5, ops.retryAfterSeconds());
        assertFalse(ops.metricsToken().isPresent());
        assertTrue(ops.contentAccounts().isEmpty());
        assertTrue(ops.metrics());
        assertTrue(ops.accessLog());
    }

    @Test
    void metricsAndTheAccessLogCanBeSwitchedOff() {
        OperationsConfig ops = parse("\"metrics\": {\"enabled\": false}, \"access_log\": {\"enabled\": false}",
                Map.of());
        assertFalse(ops.metrics());
        assertFalse(ops.accessLog());
        assertTrue(assertThrows(ConfigException.class, () -> parse("\"metrics\": {\"enabled\": \"no\"}", Map.of()))
                .getMessage().contains("metrics.enabled: must be true or false"));
    }

    @Test
    void readsEverySection() {
        OperationsConfig ops = parse("\"shutdown\": {\"grace_seconds\": 0, \"retry_after_seconds\": 9}, "
                + "\"metrics\": {\"token\": \"${env:TOKEN}\"}, \"access_log\": {\"content_accounts\": [\"acct_1\"]}",
                Map.of("TOKEN", "scrape-me"));
        assertEquals(Duration.ZERO, ops.grace());
        assertEquals(9, ops.retryAfterSeconds());
        assertEquals("scrape-me", ops.metricsToken().value().orElseThrow());
        assertEquals(Set.of("acct_1"), ops.contentAccounts());
    }

    @Test
    void rejectsUnknownFieldsAndOutOfRangeValues() {
        assertTrue(assertThrows(ConfigException.class, () -> parse("\"shutdown\": {\"grace\": 3}", Map.of()))
                .getMessage().contains("shutdown.grace: unknown field"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("\"shutdown\": {\"grace_seconds\": 4000}",
                Map.of())).getMessage().contains("shutdown.grace_seconds: must be a whole number from 0 to 3600"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("\"metrics\": {\"token\": \"\"}", Map.of()))
                .getMessage().contains("metrics.token: must not be empty"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("\"access_log\": {\"content_accounts\": [1]}",
                Map.of())).getMessage().contains("access_log.content_accounts[0]"));
    }
}
