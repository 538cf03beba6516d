package ai.altllm.gateway.usage;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.web.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/usage}: what the calling key has used, newest first, with totals. */
@Path("v1/usage")
@ApiKey
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    Database database;

    @Inject
    Caller caller;

    @GET
    public String usage(@QueryParam("model") String model, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit) {
        UsageFilter filter = new UsageFilter(null, caller.keyId(), model, UsageQuery.time("from", from),
                UsageQuery.time("to", to), UsageQuery.limit(limit));
        return UsageJson.json(UsageRepository.totals(database.dataSource(), filter),
                UsageRepository.find(database.dataSource(), filter));
    }
}
