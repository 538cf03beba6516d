package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.web.Admin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/v1/keys}: issue keys (the secret is returned once, here), list them without secrets, revoke. */
@Path("admin/v1/keys")
@Admin
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    KeyIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String text) {
        return Response.status(201).entity(issuer.issue(text).toString()).build();
    }

    @GET
    public String list(@QueryParam("account") String account) {
        return JSON.createObjectBuilder().add("object", "list").add("data", issuer.list(account)).build().toString();
    }

    @DELETE
    @Path("{id}")
    public String revoke(@PathParam("id") String id) {
        return issuer.revoke(id, null).toString();
    }
}
