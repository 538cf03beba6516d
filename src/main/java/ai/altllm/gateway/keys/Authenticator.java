package ai.altllm.gateway.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Turns a presented bearer token into a usable {@link ApiKey}, from the cache when it can. */
@ApplicationScoped
public class Authenticator {

    @Inject
    KeyRepository keys;

    private KeyCache cache;

    @PostConstruct
    void init() {
        cache = new KeyCache(keys::findByHash, System::nanoTime);
    }

    /**
     * The key, if the token is a known key that is neither revoked nor expired. Every token, even an absent or
     * malformed one, goes through the same hash-and-lookup path, so a missing, malformed or unknown key cannot be
     * told apart by timing (only a once-valid key may answer faster, from the cache, which tells its holder nothing).
     */
    public Optional<ApiKey> authenticate(String token) {
        byte[] hash = KeyFormat.hash(token == null ? "" : token);
        Optional<ApiKey> key = cache.get(hash);
        return KeyFormat.isWellFormed(token) ? key.filter(k -> k.isUsableAt(Instant.now())) : Optional.empty();
    }

    /** Makes a revocation effective on this instance immediately. */
    public void forget(String keyId) {
        cache.forget(keyId);
    }
}
