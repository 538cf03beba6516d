package ai.altllm.gateway.keys;

import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.util.function.UnaryOperator;

/** The operator's admin key from {@code ALTLLM_ADMIN_KEY}; without it the admin API answers 403 and does nothing. */
public final class AdminKey {

    static final String VARIABLE = "ALTLLM_ADMIN_KEY";

    private final byte[] hash;

    AdminKey(UnaryOperator<String> environment) {
        String value = environment.apply(VARIABLE);
        this.hash = value == null || value.isBlank() ? null : KeyFormat.hash(value.trim());
    }

    public static AdminKey fromEnvironment() {
        return new AdminKey(System::getenv);
    }

    /** Whether the token is the admin key (always false while the admin API is disabled); constant-time. */
    public boolean matches(String token) {
        return hash != null && MessageDigest.isEqual(hash, KeyFormat.hash(token == null ? "" : token));
    }

    public boolean isEnabled() {
        return hash != null;
    }

    /** {@code null} when the token is the admin key, otherwise the response to send instead. */
    public Response refusal(String token) {
        if (hash == null) {
            return ErrorEnvelope.response(ErrorKind.FORBIDDEN.error("admin_disabled",
                    "The admin API is disabled: set the environment variable " + VARIABLE
                            + " on the gateway to enable it."));
        }
        // Comparing fixed-length hashes keeps the comparison constant-time even for tokens of another length.
        return matches(token) ? null : Bearer.unauthorized();
    }
}
