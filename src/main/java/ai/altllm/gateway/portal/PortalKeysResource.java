package ai.altllm.gateway.portal;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.admin.KeyIssuer;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.limits.ratelimit.LimitPolicy;
import ai.altllm.gateway.web.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * {@code /portal/api/keys}: the API Keys page's data. An account sees and manages only its own keys; the admin sees
 * every key and chooses the account when creating one.
 */
@Path("portal/api/keys")
@Session
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalKeysResource {

    @Inject
    KeyIssuer issuer;

    @Inject
    LimitPolicy limits;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        PortalSession session = PortalSession.of(request);
        return JSON.createObjectBuilder().add("object", "list")
                .add("data", issuer.list(session.admin() ? null : session.accountId())).build().toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        PortalSession session = PortalSession.of(request);
        JsonObject json = object(body);
        if (!session.admin()) {
            if (json.containsKey("account") && !json.isNull("account")
                    && !session.accountId().equals(json.getString("account", ""))) {
                throw ErrorKind.FORBIDDEN.error("permission_denied", "account",
                        "You can only create keys for your own account.");
            }
            json = JSON.createObjectBuilder(json).add("account", session.accountId()).build();
        }
        String text = json.toString();
        // The operator signed in to the portal is the admin too; an account's own user stays under its limits.
        JsonObject created = session.admin() ? issuer.issue(text) : issuer.issue(text, limits::accountCeiling);
        return Response.status(201).entity(created.toString()).build();
    }

    @DELETE
    @Path("{id}")
    public String revoke(@PathParam("id") String id) {
        PortalSession session = PortalSession.of(request);
        return issuer.revoke(id, session.admin() ? null : session.accountId()).toString();
    }

    private static JsonObject object(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json", "The body must be a JSON object.");
        }
    }
}
