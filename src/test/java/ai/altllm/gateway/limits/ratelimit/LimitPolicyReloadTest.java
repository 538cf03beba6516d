package ai.altllm.gateway.limits.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.testsupport.TestConfigs;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An account's configured limits follow a reloaded configuration, though they are looked up once per account. */
class LimitPolicyReloadTest {

    private static String config(int requestsPerMinute) {
        return """
                {"providers": {"p": {"type": "openai", "base_url": "http://127.0.0.1:1/v1", "api_key": "k"}},
                 "models": [{"id": "m", "provider": "p", "upstream_model": "u"}],
                 "rate_limits": {"accounts": {"acct_1": {"requests_per_minute": %d}}}}
                """.formatted(requestsPerMinute);
    }

    @Test
    void accountLimitsFollowTheConfigurationInForce() {
        AtomicReference<GatewayConfig> current = new AtomicReference<>(TestConfigs.of(config(5)).get());
        LimitPolicy policy = new LimitPolicy();
        policy.configuration = new Configuration() {
            @Override
            public GatewayConfig get() {
                return current.get();
            }
        };
        ApiKey key = new ApiKey("key_1", "acct_1", "k", "altllm-abcd", Instant.EPOCH, null, null, false, null, null,
                null, null, null);
        assertEquals(5, policy.bucket(key, "m").limits().requestsPerMinute());
        current.set(TestConfigs.of(config(7)).get());
        assertEquals(7, policy.bucket(key, "m").limits().requestsPerMinute());
        assertEquals(7L, policy.accountCeiling("acct_1").requestsPerMinute());
    }
}
