package ai.altllm.gateway.portal;

import static ai.altllm.gateway.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.KeyJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /portal/api/accounts}: the accounts the admin can create keys for; accounts themselves see none. */
@Path("portal/api/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalAccountsResource {

    @Inject
    AccountRepository accounts;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        if (!PortalSession.of(request).admin()) {
            throw new ApiException(403, "permission_error", "permission_denied", null,
                    "Only the admin can list accounts.");
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        accounts.list().forEach(a -> data.add(KeyJson.account(a)));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }
}
