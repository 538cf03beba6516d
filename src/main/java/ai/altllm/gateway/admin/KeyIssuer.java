package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.LimitValues;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Issues, lists and revokes API keys, for the admin API and the portal alike. */
@ApplicationScoped
public class KeyIssuer {

    private static final Logger LOG = System.getLogger(KeyIssuer.class.getName());

    @Inject
    KeyRepository keys;

    @Inject
    AccountRepository accounts;

    @Inject
    Authenticator authenticator;

    @Inject
    Configuration configuration;

    /** Creates a key from a {@code POST /admin/v1/keys} body; the result carries the secret, shown this once. */
    public JsonObject issue(String body) {
        return issue(body, null);
    }

    /**
     * Creates a key whose own limits may not exceed {@code ceiling}'s values for its account (the portal's rule:
     * only the admin API may give a key more than its account); a null ceiling checks nothing.
     */
    public JsonObject issue(String body, Function<String, LimitValues> ceiling) {
        KeyRequest request = KeyRequest.parse(body, Instant.now());
        Account account = accounts.find(request.account()).orElseThrow(() -> ApiException.invalid("account",
                "Unknown account '" + request.account() + "'; create it with POST /admin/v1/accounts first."));
        if (ceiling != null) {
            request.checkWithin(ceiling.apply(account.id()));
        }
        String secret = KeyFormat.generate();
        ApiKey key = ApiKey.create(account.id(), request.name(), secret, request.expiresAt(), models(request),
                request.requestsPerMinute(), request.tokensPerMinute(), request.maxConcurrent(), request.creditLimit());
        keys.insert(key, KeyFormat.hash(secret));
        // Only the id is logged: the secret leaves the gateway once, in this response, and is stored nowhere.
        LOG.log(Level.INFO, "Created API key {0} for account {1}", key.id(), account.id());
        return KeyJson.key(key).add("key", secret).build();
    }

    /** Every key, or one account's keys (by id or name), never with secrets. */
    public JsonArray list(String account) {
        String accountId = account == null ? null : accounts.find(account).map(Account::id)
                .orElseThrow(() -> ApiException.invalid("account", "Unknown account '" + account + "'."));
        JsonArrayBuilder data = JSON.createArrayBuilder();
        keys.list(accountId).forEach(k -> data.add(KeyJson.key(k)));
        return data.build();
    }

    /** Revokes a key; with {@code ownerAccountId} set, only a key of that account (others look unknown). */
    public JsonObject revoke(String id, String ownerAccountId) {
        boolean owned = ownerAccountId == null
                || keys.find(id).map(k -> k.accountId().equals(ownerAccountId)).orElse(false);
        if (!owned || !keys.revoke(id)) {
            throw ApiException.notFound("key_not_found", "No API key with id '" + id + "'.");
        }
        authenticator.forget(id);
        LOG.log(Level.INFO, "Revoked API key {0}", id);
        return KeyJson.key(keys.find(id).orElseThrow()).build();
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
