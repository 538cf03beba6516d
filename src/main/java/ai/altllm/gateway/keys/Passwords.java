package ai.altllm.gateway.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Account passwords for portal sign-in, hashed with Jakarta Security's PBKDF2 (HMAC-SHA-256, 210,000 rounds). */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    /** Verified against when an account has no password, so an unknown name costs as long as a wrong password. */
    private String decoy;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000", "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy password never matched".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** True when the password matches; {@code stored} may be null (then a decoy is checked, and false returned). */
    public boolean verify(String password, String stored) {
        boolean match = pbkdf2.verify(password.toCharArray(), stored == null ? decoy : stored);
        return stored != null && match;
    }
}
