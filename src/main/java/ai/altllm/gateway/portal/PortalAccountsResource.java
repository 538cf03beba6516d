package ai.altllm.gateway.portal;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.admin.AccountsResource;
import ai.altllm.gateway.admin.CreditsAdminResource;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.KeyJson;
import ai.altllm.gateway.web.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /portal/api/accounts}: the accounts the admin can create keys for, and (admin only, same rules as the admin
 * API) creating an account and topping one up; accounts themselves see none.
 */
@Path("portal/api/accounts")
@Session
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalAccountsResource {

    @Inject
    AccountRepository accounts;

    @Inject
    AccountsResource adminAccounts;

    @Inject
    CreditsAdminResource adminCredits;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        adminOnly("list accounts");
        JsonArrayBuilder data = JSON.createArrayBuilder();
        accounts.list().forEach(a -> data.add(KeyJson.account(a)));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        adminOnly("create accounts");
        return adminAccounts.create(body);
    }

    @POST
    @Path("{account}/credits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response topUp(@PathParam("account") String account, String body) {
        adminOnly("add credits");
        return adminCredits.add(account, body);
    }

    private void adminOnly(String what) {
        if (!PortalSession.of(request).admin()) {
            throw ErrorKind.FORBIDDEN.error("permission_denied", "Only the admin can " + what + ".");
        }
    }
}
