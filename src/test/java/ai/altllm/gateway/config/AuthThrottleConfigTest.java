package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthThrottleConfigTest {

    private static AuthThrottleConfig parse(String section) {
        return new ConfigParser(Map.<String, String>of()::get).parse("test.json", "{\"providers\": {}, \"models\": []"
                + (section.isEmpty() ? "" : ", \"auth_throttle\": " + section) + "}").authThrottle();
    }

    private static String error(String section) {
        return assertThrows(ConfigException.class, () -> parse(section)).getMessage();
    }

    @Test
    void defaultsWhenAbsent() {
        AuthThrottleConfig c = parse("");
        assertEquals(AuthThrottleConfig.DEFAULTS, c);
        assertEquals(10, c.addressFailures());
        assertEquals(5, c.accountFailures());
        assertEquals(Duration.ofMinutes(10), c.window());
        assertEquals(Duration.ofMinutes(15), c.maxDelay());
    }

    @Test
    void everyFieldCanBeSet() {
        assertEquals(new AuthThrottleConfig(50, 20, Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofSeconds(30), 500),
                parse("{\"address_failures\": 50, \"account_failures\": 20, "
                        + "\"window_seconds\": 60, \"first_delay_seconds\": 2, \"max_delay_seconds\": 30, \"max_tracked\": 500}"));
        assertEquals(Duration.ofSeconds(1200), parse("{\"first_delay_seconds\": 1200}").maxDelay(),
                "the default maximum grows to a longer first delay");
    }

    @Test
    void badValuesNameTheField() {
        assertTrue(error("{\"address_failures\": 0}").contains("auth_throttle.address_failures: must be a whole "
                + "number from 1 to 1000000"));
        assertTrue(error("{\"max_tracked\": 10}").contains("auth_throttle.max_tracked"));
        assertTrue(error("{\"first_delay_seconds\": 10, \"max_delay_seconds\": 5}")
                .contains("auth_throttle.max_delay_seconds: must be at least first_delay_seconds (10)"));
        assertTrue(error("{\"lockout_minutes\": 15}").contains("lockout_minutes"));
    }
}
