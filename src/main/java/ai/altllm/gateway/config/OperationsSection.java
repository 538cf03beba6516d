package ai.altllm.gateway.config;

import java.time.Duration;
import java.util.Set;

/** Reads the optional {@code shutdown}, {@code metrics} and {@code access_log} sections. */
final class OperationsSection {

    private static final Set<String> SHUTDOWN_FIELDS = Set.of("grace_seconds", "retry_after_seconds");
    private static final Set<String> METRICS_FIELDS = Set.of("enabled", "token");
    private static final Set<String> ACCESS_LOG_FIELDS = Set.of("enabled", "content_accounts");

    private OperationsSection() {
    }

    static OperationsConfig read(Fields root) {
        OperationsConfig d = OperationsConfig.DEFAULTS;
        Duration grace = d.grace();
        int retryAfter = d.retryAfterSeconds();
        if (root.has("shutdown")) {
            Fields shutdown = root.object("shutdown");
            shutdown.onlyKnown(SHUTDOWN_FIELDS);
            grace = Duration.ofSeconds(bounded(shutdown, "grace_seconds", grace.toSeconds(), 0, 3600));
            retryAfter = (int) bounded(shutdown, "retry_after_seconds", retryAfter, 1, 3600);
        }
        Secret token = Secret.none();
        boolean metricsOn = d.metrics();
        if (root.has("metrics")) {
            Fields metrics = root.object("metrics");
            metrics.onlyKnown(METRICS_FIELDS);
            metricsOn = metrics.bool("enabled", metricsOn);
            token = metrics.secret("token");
            if (token.value().map(String::isBlank).orElse(false)) {
                throw metrics.error("token", "must not be empty");
            }
        }
        Set<String> accounts = Set.of();
        boolean accessLogOn = d.accessLog();
        if (root.has("access_log")) {
            Fields accessLog = root.object("access_log");
            accessLog.onlyKnown(ACCESS_LOG_FIELDS);
            accessLogOn = accessLog.bool("enabled", accessLogOn);
            accounts = Set.copyOf(accessLog.strings("content_accounts"));
        }
        return new OperationsConfig(grace, retryAfter, metricsOn, token, accessLogOn, accounts);
    }

    private static long bounded(Fields section, String field, long fallback, long min, long max) {
        long value = section.positiveLong(field, fallback);
        if (value < min || value > max) {
            throw section.error(field, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
