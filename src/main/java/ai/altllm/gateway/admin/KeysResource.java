package ai.altllm.gateway.admin;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.Authenticator;
import ai.altllm.gateway.keys.KeyFormat;
import ai.altllm.gateway.keys.KeyJson;
import ai.altllm.gateway.keys.KeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code /admin/v1/keys}: issue keys (the secret is returned once, here), list them without secrets, revoke. */
@Path("admin/v1/keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    private static final Logger LOG = System.getLogger(KeysResource.class.getName());

    @Inject
    KeyRepository keys;

    @Inject
    AccountRepository accounts;

    @Inject
    Authenticator authenticator;

    @Inject
    Configuration configuration;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String text) {
        KeyRequest request = KeyRequest.parse(text, Instant.now());
        Account account = accounts.find(request.account()).orElseThrow(() -> ApiException.invalid("account",
                "Unknown account '" + request.account() + "'; create it with POST /admin/v1/accounts first."));
        String secret = KeyFormat.generate();
        ApiKey key = ApiKey.create(account.id(), request.name(), secret, request.expiresAt(), models(request),
                request.requestsPerMinute(), request.tokensPerMinute(), request.creditLimit());
        keys.insert(key, KeyFormat.hash(secret));
        // Only the id is logged: the secret leaves the gateway once, in this response, and is stored nowhere.
        LOG.log(Level.INFO, "Created API key {0} for account {1}", key.id(), account.id());
        return Response.status(201).entity(KeyJson.key(key).add("key", secret).build().toString()).build();
    }

    @GET
    public String list(@QueryParam("account") String accountFilter) {
        String accountId = accountFilter == null ? null : accounts.find(accountFilter).map(Account::id)
                .orElseThrow(() -> ApiException.invalid("account", "Unknown account '" + accountFilter + "'."));
        JsonArrayBuilder data = Json.createArrayBuilder();
        keys.list(accountId).forEach(k -> data.add(KeyJson.key(k)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @DELETE
    @Path("{id}")
    public String revoke(@PathParam("id") String id) {
        if (!keys.revoke(id)) {
            throw ApiException.notFound("key_not_found", "No API key with id '" + id + "'.");
        }
        authenticator.forget(id);
        LOG.log(Level.INFO, "Revoked API key {0}", id);
        return KeyJson.key(keys.find(id).orElseThrow()).build().toString();
    }

    private Set<String> models(KeyRequest request) {
        List<String> ids = request.models();
        if (ids == null) {
            return null;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (configuration.get().model(ids.get(i)).isEmpty()) {
                throw ApiException.invalid("models[" + i + "]", "Unknown model '" + ids.get(i)
                        + "'; GET /v1/models lists the model ids of this gateway.");
            }
        }
        return new LinkedHashSet<>(ids);
    }
}
