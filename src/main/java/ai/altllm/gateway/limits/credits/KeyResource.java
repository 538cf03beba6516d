package ai.altllm.gateway.limits.credits;

import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.keys.KeyJson;
import ai.altllm.gateway.web.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/key}: the caller's own key, its limits and usage, like OpenRouter's {@code /api/v1/key}. */
@Path("v1/key")
@ApiKey
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    Caller caller;

    @Inject
    Credits credits;

    @GET
    public String describe() {
        var key = caller.key();
        return KeyJson.own(key, credits.keyUsage(key.accountId(), key.id())).toString();
    }
}
