package ai.altllm.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides which parts of a newly read configuration take effect at once and which keep their old values. */
final class ReloadRules {

    /**
     * @param inForce the new configuration with the restart-only settings of the old one
     * @param restartRequired the restart-only settings whose new values wait for a restart, e.g. {@code database}
     */
    record Outcome(GatewayConfig inForce, List<String> restartRequired) {
    }

    private ReloadRules() {
    }

    /**
     * The database pool, the shared-state stores and the credit mode are built once at startup; switching credits or
     * budgets under reservations already held would give their credits back to the wrong place.
     */
    static Outcome apply(GatewayConfig old, GatewayConfig fresh) {
        List<String> waiting = new ArrayList<>();
        if (!Objects.equals(old.raw().get("database"), fresh.raw().get("database"))) {
            waiting.add("database");
        }
        if (old.clusterState() != fresh.clusterState()) {
            waiting.add("shared_state");
        }
        CreditConfig oldCredits = old.credits();
        if (oldCredits.enabled() != fresh.credits().enabled()) {
            waiting.add("credits.enabled");
        }
        if (oldCredits.prepaidByDefault() != fresh.credits().prepaidByDefault()) {
            waiting.add("credits.default_budget");
        }
        if (!Objects.equals(old.authThrottle(), fresh.authThrottle())) {
            waiting.add("auth_throttle");
        }
        if (old.video().pollCacheMs() != fresh.video().pollCacheMs()) {
            waiting.add("video.poll_cache_ms");
        }
        CreditConfig credits = new CreditConfig(oldCredits.enabled(), oldCredits.prepaidByDefault(),
                fresh.credits().defaultMaxOutputTokens());
        GatewayConfig inForce = new GatewayConfig(fresh.source(), fresh.providers(), fresh.models(), old.database(),
                fresh.upstreamPool(), fresh.operations(), fresh.rateLimits(), credits, old.clusterState(),
                fresh.tools(), video(old.video(), fresh.video()), old.authThrottle(), fresh.raw());
        return new Outcome(inForce, List.copyOf(waiting));
    }

    /** Without a {@code video} section each read draws a random key: keep the running one, or every token breaks. */
    private static VideoConfig video(VideoConfig old, VideoConfig fresh) {
        if (old.ephemeral() && fresh.ephemeral()) {
            return old;
        }
        return new VideoConfig(fresh.signingKeys(), fresh.activeKey(), fresh.tokenTtlSeconds(), old.pollCacheMs(),
                fresh.ephemeral());
    }
}
