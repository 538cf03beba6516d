package ai.altllm.gateway.video;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks {@code altllm_status_token}s: {@code v1.<key id>.<payload>.<mac>}, HMAC-SHA-256 over the first
 * three parts. The algorithm is fixed by the version, never read from the token; the key id only selects one of
 * the configured signing keys, so keys can rotate with two active at once. Every kind of bad token yields the same
 * empty answer, so callers cannot tell a forgery from an expired or foreign token.
 */
public final class StatusTokens {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SHAPE = Pattern
            .compile("v1\\.[A-Za-z0-9_-]{1,32}\\.[A-Za-z0-9_-]{1,2048}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final Map<String, byte[]> keys;
    private final String signingKeyId;
    private final Clock clock;

    /**
     * @param keys every active signing key by id (at least 32 bytes each)
     * @param signingKeyId the key new tokens are signed with; the others still verify
     */
    public StatusTokens(Map<String, byte[]> keys, String signingKeyId, Clock clock) {
        if (!keys.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("signing key '" + signingKeyId + "' is not among the active keys");
        }
        keys.forEach((id, key) -> {
            if (key.length < 32 || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("signing key '" + id + "' needs a short id and at least 32 bytes");
            }
        });
        this.keys = Map.copyOf(keys);
        this.signingKeyId = signingKeyId;
        this.clock = clock;
    }

    public String mint(TaskClaim claim) {
        String payload = JSON.createObjectBuilder().add("t", claim.taskId()).add("k", claim.keyId())
                .add("a", claim.accountId()).add("p", claim.purpose())
                .add("exp", claim.expiresAt().getEpochSecond()).build().toString();
        String signed = VERSION + "." + signingKeyId + "."
                + ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODE.encodeToString(mac(keys.get(signingKeyId), signed));
    }

    /** The claim, if the token is genuine, unexpired, for this purpose and held by its creator's key or account. */
    public Optional<TaskClaim> verify(String token, String purpose, String callerKeyId, String callerAccountId) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        String signed = token.substring(0, lastDot);
        String[] parts = signed.split("\\.");
        byte[] key = keys.get(parts[1]);
        if (key == null || !MessageDigest.isEqual(mac(key, signed), DECODE.decode(token.substring(lastDot + 1)))) {
            return Optional.empty();
        }
        TaskClaim claim = parse(parts[2]);
        boolean holder = claim.keyId().equals(callerKeyId) || claim.accountId().equals(callerAccountId);
        boolean fresh = clock.instant().isBefore(claim.expiresAt());
        return holder && fresh && claim.purpose().equals(purpose) ? Optional.of(claim) : Optional.empty();
    }

    private static TaskClaim parse(String payload) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(DECODE.decode(payload), StandardCharsets.UTF_8)))) {
            JsonObject o = reader.readObject();
            return new TaskClaim(o.getString("t"), o.getString("k"), o.getString("a"), o.getString("p"),
                    Instant.ofEpochSecond(o.getJsonNumber("exp").longValueExact()));
        }
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
