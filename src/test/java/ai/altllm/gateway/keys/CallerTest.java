package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(Set<String> models) {
        Caller caller = new Caller();
        caller.authenticate(new ApiKey("key_1", "acct_1", "k", "altllm-abcd", Instant.EPOCH, null, null, false,
                models, 60, 1000L, null, new BigDecimal("5")));
        return caller;
    }

    @Test
    void aRestrictedKeyMayUseOnlyItsModels() {
        Caller caller = caller(Set.of("it-basic"));
        caller.requireModel("it-basic");
        ApiException refused = assertThrows(ApiException.class, () -> caller.requireModel("it-video"));
        assertEquals(403, refused.status());
        assertEquals("model_not_allowed", refused.code());
        assertEquals("model", refused.param());
    }

    @Test
    void anUnrestrictedKeyMayUseEveryModelAndExposesItsLimits() {
        Caller caller = caller(null);
        caller.requireModel("anything");
        assertEquals("key_1", caller.keyId());
        assertEquals("acct_1", caller.accountId());
        assertEquals(60, caller.requestsPerMinute().orElseThrow());
        assertEquals(1000L, caller.tokensPerMinute().orElseThrow());
        assertEquals(new BigDecimal("5"), caller.creditLimit().orElseThrow());
    }

    @Test
    void expiredOrRevokedKeysAreNotUsable() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        ApiKey expiring = new ApiKey("k", "a", "n", "p", Instant.EPOCH, null, now, false, null, null, null, null,
                null);
        assertEquals(false, expiring.isUsableAt(now));
        assertEquals(true, expiring.isUsableAt(now.minusSeconds(1)));
        ApiKey revoked = new ApiKey("k", "a", "n", "p", Instant.EPOCH, null, null, true, null, null, null, null,
                null);
        assertEquals(false, revoked.isUsableAt(now));
    }
}
