package ai.altllm.gateway.config;

import java.time.Duration;
import java.util.Set;

/**
 * How failed sign-ins and wrong admin keys are throttled, from the optional {@code auth_throttle} section.
 *
 * @param addressFailures failures one client address may make per window before it must wait
 * @param accountFailures failures for one account name from one client address per window before that pair must wait
 * @param window the time in which a count drains from its limit back to zero
 * @param firstDelay the first wait once a limit is reached; each further failure doubles it
 * @param maxDelay the longest wait
 * @param maxTracked the most client addresses, and separately the most (account name, address) pairs, remembered
 */
public record AuthThrottleConfig(int addressFailures, int accountFailures, Duration window, Duration firstDelay,
        Duration maxDelay, int maxTracked) {

    public static final AuthThrottleConfig DEFAULTS = new AuthThrottleConfig(10, 5, Duration.ofMinutes(10),
            Duration.ofSeconds(1), Duration.ofMinutes(15), 20_000);

    private static final Set<String> FIELDS = Set.of("address_failures", "account_failures", "window_seconds",
            "first_delay_seconds", "max_delay_seconds", "max_tracked");

    static AuthThrottleConfig read(Fields root) {
        if (!root.has("auth_throttle")) {
            return DEFAULTS;
        }
        Fields s = root.object("auth_throttle");
        s.onlyKnown(FIELDS);
        AuthThrottleConfig d = DEFAULTS;
        long first = bounded(s, "first_delay_seconds", d.firstDelay().toSeconds(), 1, 86_400);
        long max = bounded(s, "max_delay_seconds", Math.max(first, d.maxDelay().toSeconds()), 1, 86_400);
        if (max < first) {
            throw s.error("max_delay_seconds", "must be at least first_delay_seconds (" + first + ")");
        }
        return new AuthThrottleConfig((int) bounded(s, "address_failures", d.addressFailures(), 1, 1_000_000),
                (int) bounded(s, "account_failures", d.accountFailures(), 1, 1_000_000),
                Duration.ofSeconds(bounded(s, "window_seconds", d.window().toSeconds(), 1, 86_400)),
                Duration.ofSeconds(first), Duration.ofSeconds(max),
                (int) bounded(s, "max_tracked", d.maxTracked(), 100, 10_000_000));
    }

    private static long bounded(Fields section, String field, long fallback, long min, long max) {
        long value = section.positiveLong(field, fallback);
        if (value < min || value > max) {
            throw section.error(field, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
