package ai.altllm.gateway.health;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.db.ReadinessCheck;
import ai.altllm.gateway.web.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness at {@code /health} (as the API reference shows) and readiness at {@code /health/ready}. */
@Path("health")
@Public
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final String LIVE = JSON.createObjectBuilder().add("status", "healthy")
            .add("service", BuildInfo.SERVICE).add("version", BuildInfo.VERSION).build().toString();

    @Inject
    Instance<ReadinessCheck> checks;

    @GET
    public String live() {
        return LIVE;
    }

    @GET
    @Path("ready")
    public Response ready() {
        JsonObjectBuilder results = JSON.createObjectBuilder();
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            String problem = check.problem();
            results.add(check.name(), problem == null ? "ok" : problem);
            ready &= problem == null;
        }
        String body = JSON.createObjectBuilder().add("status", ready ? "ready" : "unavailable")
                .add("service", BuildInfo.SERVICE).add("version", BuildInfo.VERSION).add("checks", results)
                .build().toString();
        return Response.status(ready ? 200 : 503).entity(body).build();
    }
}
