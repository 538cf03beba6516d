package ai.altllm.gateway.metrics;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.AdminKey;
import ai.altllm.gateway.keys.Bearer;
import ai.altllm.gateway.keys.KeyFormat;
import ai.altllm.gateway.shutdown.Drain;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;

/**
 * {@code GET /metrics} for Prometheus. Opened by the admin key or by the metrics token of the configuration
 * ({@code metrics.token}), so a scraper need not hold the admin key; with neither configured it answers 403.
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    @Inject
    Metrics metrics;

    @Inject
    Drain drain;

    @Inject
    Configuration configuration;

    private final AdminKey adminKey = AdminKey.fromEnvironment();
    private volatile byte[] tokenHash;

    @PostConstruct
    void readToken() {
        tokenHash = configuration.get().operations().metricsToken().value().map(KeyFormat::hash).orElse(null);
    }

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        readToken();
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!metrics.enabled()) {
            return ErrorEnvelope.response(ErrorKind.FORBIDDEN.error("metrics_disabled",
                    "Metrics are switched off in the configuration (metrics.enabled is false)."));
        }
        byte[] tokenHash = this.tokenHash;
        if (!adminKey.isEnabled() && tokenHash == null) {
            return ErrorEnvelope.response(ErrorKind.FORBIDDEN.error("metrics_disabled",
                    "Metrics are disabled: set ALTLLM_ADMIN_KEY or metrics.token in the configuration to enable them."));
        }
        String token = Bearer.token(authorization);
        boolean tokenMatches = tokenHash != null && token != null
                && MessageDigest.isEqual(tokenHash, KeyFormat.hash(token));
        if (!tokenMatches && !adminKey.matches(token)) {
            return Bearer.unauthorized();
        }
        PrometheusText out = new PrometheusText();
        metrics.write(out);
        out.family("altllm_active_streams", "gauge", "Chat streams open right now.");
        out.sample("altllm_active_streams", drain.activeStreams(), new String[0]);
        out.family("altllm_draining", "gauge", "1 while the gateway shuts down and refuses new requests.");
        out.sample("altllm_draining", drain.isDraining() ? 1 : 0, new String[0]);
        return Response.ok(out.toString()).type(PrometheusText.CONTENT_TYPE).build();
    }
}
