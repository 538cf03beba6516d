package ai.altllm.gateway.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;

/**
 * Authenticates the current request's bearer key into its {@link Caller}, once per request. Used by the API-key
 * filter, and before matching by the chat body filter (only a known caller's body is read); the API-key filter
 * records the key in the request's access record.
 */
@ApplicationScoped
public class KeyCheck {

    @Inject
    Authenticator authenticator;

    @Inject
    Caller caller;

    @Inject
    LastUsed lastUsed;

    /**
     * Sets the caller from the request's {@code Authorization} header, or throws the one 401 every failure gets. The
     * request is passed in, not injected: CDI's built-in request bean is missing in an async dispatch.
     *
     * @return the caller's key
     */
    public ApiKey authenticate(HttpServletRequest request) {
        if (caller.isAuthenticated()) {
            return caller.key();
        }
        Optional<ApiKey> key = authenticator.authenticate(Bearer.token(request.getHeader("Authorization")));
        if (key.isEmpty()) {
            throw new WebApplicationException(Bearer.unauthorized());
        }
        caller.authenticate(key.get());
        lastUsed.record(key.get().id());
        return key.get();
    }
}
