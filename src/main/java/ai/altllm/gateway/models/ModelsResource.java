package ai.altllm.gateway.models;

import ai.altllm.gateway.web.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the public catalog with full metadata. */
@Path("v1/models")
@Public
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    Catalog catalog;

    @GET
    public String list() {
        return catalog.listJson();
    }

    /** Model ids may contain slashes ({@code vendor/model}), hence the greedy template. */
    @GET
    @Path("{id: .+}")
    public String get(@PathParam("id") String id) {
        return catalog.modelJson(id);
    }
}
