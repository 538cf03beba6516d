package ai.altllm.gateway;

import ai.altllm.gateway.admin.AccountsResource;
import ai.altllm.gateway.admin.AdminFilter;
import ai.altllm.gateway.admin.ConfigAdminResource;
import ai.altllm.gateway.admin.CreditsAdminResource;
import ai.altllm.gateway.admin.KeysResource;
import ai.altllm.gateway.chat.ChatBodyFilter;
import ai.altllm.gateway.chat.ChatResource;
import ai.altllm.gateway.health.HealthResource;
import ai.altllm.gateway.limits.admission.AdmissionFilter;
import ai.altllm.gateway.limits.admission.AuthFilter;
import ai.altllm.gateway.limits.admission.UnguardedFilter;
import ai.altllm.gateway.limits.credits.CreditsResource;
import ai.altllm.gateway.limits.credits.KeyResource;
import ai.altllm.gateway.metrics.MetricsResource;
import ai.altllm.gateway.models.ModelsResource;
import ai.altllm.gateway.portal.PortalAccountsResource;
import ai.altllm.gateway.portal.PortalFiles;
import ai.altllm.gateway.portal.PortalFilter;
import ai.altllm.gateway.portal.PortalKeysResource;
import ai.altllm.gateway.portal.SessionResource;
import ai.altllm.gateway.usage.AdminUsageResource;
import ai.altllm.gateway.usage.PortalUsageResource;
import ai.altllm.gateway.usage.UsageResource;
import ai.altllm.gateway.video.PortalVideosResource;
import ai.altllm.gateway.video.VideoResource;
import ai.altllm.gateway.web.GatewayExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS application, at the root so that every path, known or not, answers with the gateway's own envelope.
 * Classes are listed rather than scanned: startup stays fast and the route inventory is explicit.
 */
@ApplicationPath("/")
public class GatewayApplication extends Application {

    public static final Set<Class<?>> RESOURCES = Set.of(HealthResource.class, ModelsResource.class,
            ProviderResource.class, ChatResource.class, KeyResource.class, AccountsResource.class, KeysResource.class,
            PortalFiles.class, SessionResource.class, PortalKeysResource.class, PortalAccountsResource.class,
            UsageResource.class, AdminUsageResource.class, MetricsResource.class, CreditsResource.class,
            CreditsAdminResource.class, VideoResource.class, PortalVideosResource.class, PortalUsageResource.class,
            ConfigAdminResource.class);

    private static final Set<Class<?>> PROVIDERS = Set.of(GatewayExceptionMapper.class, AuthFilter.class,
            AdminFilter.class, PortalFilter.class, UnguardedFilter.class, ChatBodyFilter.class, AdmissionFilter.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> all = new HashSet<>(RESOURCES);
        all.addAll(PROVIDERS);
        return all;
    }

    /** Jersey would otherwise publish an unauthenticated {@code application.wadl}; other servers ignore the key. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
