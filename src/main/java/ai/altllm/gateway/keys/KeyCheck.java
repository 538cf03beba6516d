package ai.altllm.gateway.keys;

import ai.altllm.gateway.accesslog.AccessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;

/**
 * Authenticates the current request's bearer key into its {@link Caller}, once per request. Used by
 * {@link AuthFilter}, and directly by resources that must know the caller before JAX-RS has finished matching
 * (a sub-resource locator runs before post-matching filters).
 */
@ApplicationScoped
public class KeyCheck {

    @Inject
    Authenticator authenticator;

    @Inject
    Caller caller;

    @Inject
    LastUsed lastUsed;

    /** The container's built-in bean: the request being served, where the access log's record lives. */
    @Inject
    HttpServletRequest request;

    /** Sets the caller from an {@code Authorization} header, or throws the one 401 every failure gets. */
    public void authenticate(String authorization) {
        if (caller.isAuthenticated()) {
            return;
        }
        Optional<ApiKey> key = authenticator.authenticate(Bearer.token(authorization));
        if (key.isEmpty()) {
            throw new WebApplicationException(Bearer.unauthorized());
        }
        caller.authenticate(key.get());
        AccessRecord.of(request).caller(key.get().id(), key.get().accountId());
        lastUsed.record(key.get().id());
    }
}
