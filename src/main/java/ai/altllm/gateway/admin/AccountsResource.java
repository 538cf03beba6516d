package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.db.StorageException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.KeyJson;
import ai.altllm.gateway.keys.Passwords;
import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.web.Admin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/** {@code /admin/v1/accounts}: create and list the accounts (teams or people) that own API keys. */
@Path("admin/v1/accounts")
@Admin
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    private static final Logger LOG = System.getLogger(AccountsResource.class.getName());
    private static final Set<String> FIELDS = Set.of("name", "kind", "password", "budget");
    private static final Set<String> BUDGETS = Set.of("prepaid", "unlimited");
    private static final Set<String> KINDS = Set.of("team", "person");

    @Inject
    AccountRepository accounts;

    @Inject
    Passwords passwords;

    @Inject
    Credits credits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String text) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String name = body.name("name", 200);
        String kind = body.string("kind", "team");
        if (!KINDS.contains(kind)) {
            throw body.invalid("kind", "must be \"team\" or \"person\"");
        }
        String password = body.string("password", null);
        if (password != null
                && (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH)) {
            throw body.invalid("password", "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH
                    + " characters");
        }
        String budget = body.string("budget", null);
        if (budget != null && !BUDGETS.contains(budget)) {
            throw body.invalid("budget", "must be \"prepaid\" (spend only credits added) or \"unlimited\"");
        }
        Account account = Account.create(name, kind);
        try {
            accounts.insert(account);
        } catch (StorageException e) {
            if (e.isConstraintViolation()) {
                throw ErrorKind.CONFLICT.error("account_exists", "name",
                        "An account named '" + name + "' already exists.");
            }
            throw e;
        }
        if (budget != null) {
            credits.setBudget(account.id(), budget);
        }
        if (password != null) {
            accounts.setPasswordHash(account.id(), passwords.hash(password));
        }
        LOG.log(Level.INFO, "Created account {0} ({1})", account.id(), kind);
        return Response.status(201).entity(KeyJson.account(account).toString()).build();
    }

    @GET
    public String list() {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        accounts.list().forEach(a -> data.add(KeyJson.account(a)));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }
}
