package ai.altllm.gateway.keys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/** {@code GET /v1/key}: the caller's own key, its limits and usage, like OpenRouter's {@code /api/v1/key}. */
@Path("v1/key")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    Caller caller;

    @GET
    public String describe() {
        // Usage is 0 by design until usage recording (a later issue) lands; the field is here so clients can rely
        // on it.
        return KeyJson.own(caller.key(), BigDecimal.ZERO).toString();
    }
}
