package ai.altllm.gateway.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after five failed sign-ins for one account name within fifteen minutes, that name is
 * refused until the window has passed. Per name, so one attacker cannot lock out everyone.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, long since) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Seconds until this name may try again, or 0 when it may try now. */
    long blockedSeconds(String name, long now) {
        Failures f = failures.get(name);
        if (f == null || now - f.since() >= WINDOW_NANOS) {
            return 0;
        }
        return f.count() >= MAX_FAILURES ? Math.max(1, (WINDOW_NANOS - (now - f.since())) / 1_000_000_000) : 0;
    }

    void failed(String name, long now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().removeIf(e -> now - e.getValue().since() >= WINDOW_NANOS);
        }
        failures.merge(name, new Failures(1, now), (old, one) -> now - old.since() >= WINDOW_NANOS ? one
                : new Failures(old.count() + 1, old.since()));
    }

    void succeeded(String name) {
        failures.remove(name);
    }
}
