package ai.altllm.gateway.keys;

import ai.altllm.gateway.errors.ErrorKind;
import jakarta.enterprise.context.RequestScoped;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** The API key behind the current request, set by {@link KeyCheck}; endpoints ask it what the caller may do. */
@RequestScoped
public class Caller {

    private ApiKey key;

    void authenticate(ApiKey key) {
        this.key = key;
    }

    public boolean isAuthenticated() {
        return key != null;
    }

    /** The caller's key, or null before authentication: one proxy call for code that reads several fields. */
    public ApiKey keyOrNull() {
        return key;
    }

    public String keyId() {
        return key().id();
    }

    public String accountId() {
        return key().accountId();
    }

    /** The model ids this key may use; empty means every model of the catalog. */
    public Optional<Set<String>> allowedModels() {
        return Optional.ofNullable(key().models());
    }

    public Optional<Integer> requestsPerMinute() {
        return Optional.ofNullable(key().requestsPerMinute());
    }

    public Optional<Long> tokensPerMinute() {
        return Optional.ofNullable(key().tokensPerMinute());
    }

    public Optional<BigDecimal> creditLimit() {
        return Optional.ofNullable(key().creditLimit());
    }

    /** Throws a 403 {@code model_not_allowed} unless this key may use the model. */
    public void requireModel(String model) {
        if (!key().allows(model)) {
            throw ErrorKind.FORBIDDEN.error("model_not_allowed", "model",
                    "This API key may not use the model '" + model + "'; allowed: "
                            + String.join(", ", key().models().stream().sorted().toList()));
        }
    }

    public ApiKey key() {
        if (key == null) {
            throw new IllegalStateException("no authenticated API key on this request (is the route @Public?)");
        }
        return key;
    }
}
