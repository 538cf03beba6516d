package ai.altllm.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.AuthThrottleConfig;
import ai.altllm.gateway.errors.ApiException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    private static final String ATTACKER = "198.51.100.66";
    private static final String OPERATOR = "203.0.113.7";

    private final AtomicLong now = new AtomicLong();
    private final AuthThrottle throttle = new AuthThrottle();

    @BeforeEach
    void defaults() {
        throttle.configure(AuthThrottleConfig.DEFAULTS, now::get);
    }

    private void wrong(String address, String account) {
        try (AuthThrottle.Attempt attempt = throttle.begin(address, account)) {
            attempt.failed();
        }
    }

    private ApiException refused(String address, String account) {
        return assertThrows(ApiException.class, () -> throttle.begin(address, account).close());
    }

    @Test
    void wrongPasswordsForANameElsewhereNeverStopItsOwnerSigningIn() {
        for (int i = 0; i < 5; i++) {
            wrong(ATTACKER, "admin");
        }
        ApiException tooMany = refused(ATTACKER, "admin");
        assertEquals(429, tooMany.status());
        assertEquals("rate_limit_exceeded", tooMany.code());
        assertEquals("rate_limit_error", tooMany.type());
        assertEquals("1", tooMany.headers().get("Retry-After"));
        try (AuthThrottle.Attempt attempt = throttle.begin(OPERATOR, "admin")) {
            attempt.succeeded();
        }
        for (int i = 0; i < 5; i++) {
            now.addAndGet(refusedWait(ATTACKER, "admin"));
            wrong(ATTACKER, "admin");
        }
        throttle.begin(OPERATOR, "admin").succeeded();
    }

    private long refusedWait(String address, String account) {
        return Long.parseLong(refused(address, account).headers().get("Retry-After")) * 1_000_000_000L;
    }

    @Test
    void manyNamesFromOneAddressAreRefusedWithAGrowingRetryAfter() {
        for (int i = 0; i < 10; i++) {
            wrong(ATTACKER, "guess-" + i);
        }
        ApiException tooMany = refused(ATTACKER, "guess-10");
        assertTrue(tooMany.getMessage().contains("from this address"), tooMany.getMessage());
        assertEquals("1", tooMany.headers().get("Retry-After"));
        refused(ATTACKER, null);
        now.addAndGet(1_000_000_000L);
        wrong(ATTACKER, null);
        assertEquals("2", refused(ATTACKER, "guess-11").headers().get("Retry-After"), "the back-off grows");
        throttle.begin(OPERATOR, "guess-11").close();
    }

    @Test
    void signingInToOnesOwnAccountDoesNotWipeTheAddressCount() {
        for (int i = 0; i < 9; i++) {
            wrong(ATTACKER, "guess-" + i);
            throttle.begin(ATTACKER, "my-own-account").succeeded();
        }
        wrong(ATTACKER, "guess-9");
        refused(ATTACKER, "my-own-account");
    }

    @Test
    void overlongNamesShareOneEntryPerAddress() {
        String a = "a".repeat(500);
        String b = "b".repeat(500);
        for (int i = 0; i < 5; i++) {
            wrong(ATTACKER, i % 2 == 0 ? a : b);
        }
        assertTrue(refused(ATTACKER, "c".repeat(201)).getMessage().contains("for this account"));
    }
}
