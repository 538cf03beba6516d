package ai.altllm.gateway;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.health.BuildInfo;
import ai.altllm.gateway.models.Catalog;
import ai.altllm.gateway.tools.BuiltinTools;
import ai.altllm.gateway.web.Public;
import ai.altllm.gateway.web.Routes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/provider}: who this gateway is and what it can do, derived from the live routes and catalog. */
@Path("v1/provider")
@Public
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    @Inject
    Catalog catalog;

    @Inject
    BuiltinTools builtinTools;

    private volatile String json;

    /** Last, once the catalog and the built-in tools it describes have followed the reload. */
    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS)
                   @Priority(Interceptor.Priority.APPLICATION + 900) ConfigReload reload) {
        render();
    }

    @PostConstruct
    void render() {
        JsonArrayBuilder endpoints = JSON.createArrayBuilder();
        for (Routes.Route route : Routes.all(GatewayApplication.RESOURCES)) {
            endpoints.add(JSON.createObjectBuilder().add("method", route.method()).add("path", route.path())
                    .add("auth", route.auth()));
        }
        json = JSON.createObjectBuilder()
                .add("object", "provider")
                .add("id", "altllm")
                .add("name", "AltLLM")
                .add("service", BuildInfo.SERVICE)
                .add("version", BuildInfo.VERSION)
                .add("api_version", "v1")
                .add("openai_compatible", true)
                .add("models", catalog.size())
                .add("endpoints", endpoints)
                .add("features", JSON.createArrayBuilder(catalog.features()))
                .add("builtin_tools", builtinTools())
                .add("rate_limits", JSON.createObjectBuilder()
                        .add("scope", "api_key")
                        .add("window", "1m")
                        .add("algorithm", "gcra")
                        .add("dimensions", JSON.createArrayBuilder(List.of("requests", "tokens", "concurrency")))
                        .add("headers", JSON.createArrayBuilder(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
                                "X-RateLimit-Reset", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
                                "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens",
                                "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens")))
                        .add("exceeded", JSON.createObjectBuilder().add("status", 429)
                                .add("code", "rate_limit_exceeded")
                                .add("headers", JSON.createArrayBuilder(List.of("Retry-After", "retry-after-ms")))))
                .add("credits", JSON.createObjectBuilder()
                        .add("endpoint", "/v1/credits")
                        .add("insufficient", JSON.createObjectBuilder().add("status", 402)
                                .add("code", "insufficient_quota")))
                .build().toString();
    }

    /** The tools the gateway runs itself, each with the JSON Schema of its arguments. */
    private JsonArrayBuilder builtinTools() {
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        builtinTools.definitions().forEach(definition -> tools.add(definition.asJsonObject().get("function")));
        return tools;
    }

    @GET
    public String describe() {
        return json;
    }
}
